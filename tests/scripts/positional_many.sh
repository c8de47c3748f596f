set -- 1 2 3 4 5 6 7 8 9 10 11
echo $1 $9 ${10} ${11}
shift 3
echo $# $1
shift 20; echo status $?
