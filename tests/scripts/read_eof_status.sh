read x < /dev/null; echo "status $? [$x]"
echo | { read y; echo "status $? [$y]"; }
