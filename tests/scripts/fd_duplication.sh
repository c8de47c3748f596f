# Descriptors above 2: open, duplicate, move, close.
exec 3> out3.txt
echo "to three" >&3
exec 4>&3
echo "via four" >&4
exec 3>&- 4>&-
cat out3.txt
exec 5< out3.txt
read -r first <&5
read -r second <&5
echo "$first / $second"
exec 5<&-
{ echo out; echo err >&2; } 2>&1 | cat
( echo visible; echo hidden >&2 ) 2>/dev/null
echo done 1>&2 2>/dev/null | cat
