printf 'a 1\nb 2\nc 3\n' | while read name value; do echo "$name=$value"; done
printf 'no newline' | { read x; echo "got [$x] status $?"; }
