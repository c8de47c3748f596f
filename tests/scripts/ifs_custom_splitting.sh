# Custom IFS in loops and splitting
line="a:b::c"
IFS=:
for f in $line; do echo "[$f]"; done
set -- $line
echo $#
IFS=" :"
v="x : y"
set -- $v
echo "$# $1 $2"
