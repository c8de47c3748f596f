X=temp env | grep '^X='
echo "X=[$X]"
f() { echo "in f X=$X"; }
X=fn f
