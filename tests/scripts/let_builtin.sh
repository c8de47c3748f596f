# let evaluates arithmetic; its status is 1 when the last value is 0
let a=5 b=a*2
echo "$a $b"
let "c = a + b"
echo "$c"
let 0
echo "status $?"
let 1
echo "status $?"
let x++ x++
echo "$x"
