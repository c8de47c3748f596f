# test -v and [[ -v ]] on elements and positional parameters
a=(1 "" 3)
declare -A m=([k]=v)
set -- one
for expr in a[1] a[5] m[k] m[z] 1 2 0 a; do
  test -v "$expr"; t=$?
  [[ -v $expr ]]; c=$?
  echo "$expr: $t $c"
done
