:
true
echo $?
x= y=2
echo "[$x][$y]"
