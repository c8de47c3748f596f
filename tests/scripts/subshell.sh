x=outer
(x=inner; echo $x)
echo $x
(cd /; pwd)
pwd | grep -c /
( exit 5 ); echo $?
