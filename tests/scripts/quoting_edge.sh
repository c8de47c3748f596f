e=''
echo "[$e]" [$e] "[${e}x]"
a="with 'single' inside"
echo "$a"
echo '"double" inside single'
echo "a"'b'"c"
echo $'ansi\tc\x41'
