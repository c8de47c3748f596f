# Subshells do not change the parent
x=1
(x=2; cd /; echo "inside $x $PWD")
echo "outside $x"
{ x=3; }
echo "group changes it: $x"
y=$(x=4; echo $x)
echo "$x $y"
