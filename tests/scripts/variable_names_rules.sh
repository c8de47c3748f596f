# What is and is not a valid variable name.
_x=1; x_1=2; X=3
echo "$_x $x_1 $X"
1x=4 2>/dev/null || echo "1x=4 is a command, not an assignment"
a-b=5 2>/dev/null || echo "a-b=5 is a command too"
declare "ok_name=6"; echo "$ok_name"
declare "bad-name=7" 2>/dev/null || echo "declare refuses bad-name: $?"
