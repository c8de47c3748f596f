# printf's complaints come after the whole lines it made before them (stdout is
# line-buffered), and the output goes on after them
strip() { sed 's/^.*line [0-9]*: //'; }
printf '%d\n' 1 x 3 2>&1 | strip
printf '%d %d|' 1 x 3 y 2>&1 | strip
echo
printf 'a\nb %d\nc\n' q 2>&1 | strip
printf -v v '%d' z 2>&1 | strip
echo "status: $?"
