# Field splitting with custom IFS: whitespace and non-whitespace separators.
data="a:b::c:"
IFS=: read -ra parts <<< "$data"
echo "${#parts[@]}: ${parts[*]}"
IFS=:
for f in $data; do echo "[$f]"; done
IFS=' :'
x=" a : b :c  "
for f in $x; do echo "<$f>"; done
unset IFS
y=$'one\ttwo  three\n four'
set -- $y
echo "$#: $*"
