v="a  b   c"
echo $v
echo "$v"
for w in $v; do echo "[$w]"; done
e=""
set -- $e; echo $#
set -- "$e"; echo $#
