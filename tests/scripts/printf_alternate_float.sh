# printf's # flag keeps the decimal point of %f and %e with no digits after it.
printf '[%.0f][%#.0f]\n' 3 3
printf '[%#.0e][%#.0E][%#.2e][%#6.0f]\n' 3 -3 3 7
printf '[%g][%#g]\n' 3 3
printf '[%#o][%#x][%#X]\n' 0 42 42
printf -v 'a[' %s foo; echo "status $?"
printf -v 'b[1]' %s element; echo "${b[1]}"
printf -v 2x %s foo; echo "status $?"
