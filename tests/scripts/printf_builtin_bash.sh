# bash's own printf: -v, %q, %b, %(fmt)T and \c
printf -v greeting 'hello %s' world
echo "$greeting"
printf -v 'list[1]' '%03d' 7
echo "${list[1]}"
printf '%q\n' 'a b' "it's" '' 'x*y' '$HOME' 'tab	here'
printf '%b\n' 'one\ttwo' 'oct\0101' 'stop\c here' 'not reached'
printf 'format keeps \c as text\n'
printf '%(%Y-%m-%d)T\n' 86400
printf '%(%H)T|%(%%)T\n' 0 0 | wc -c
printf '%d\n' 12abc
echo "status $?"
printf '%d\n' nonsense
echo "status $?"
printf
echo "status $?"
