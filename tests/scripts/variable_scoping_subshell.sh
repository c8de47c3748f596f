v=1
( v=2; echo "sub $v" )
echo "main $v"
{ v=3; }
echo "group $v"
echo "$(v=4; echo subst $v)"
echo "main $v"
