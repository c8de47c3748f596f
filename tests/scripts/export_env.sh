export A=1
B=2
env | grep -E '^(A|B)=' | sort
C=3 env | grep '^C='
echo "C=[$C]"
