echo to-stdout > /dev/stdout
echo to-stderr > /dev/stderr
echo piped | cat < /dev/stdin
{ echo grouped; } 2> /dev/null > /dev/stdout
echo nothing > /dev/null
cat /dev/null
head -c 4 /dev/zero | wc -c
