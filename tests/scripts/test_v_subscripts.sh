# `test -v` reads a subscript as arithmetic, as `[[ -v ]]` does.
a=(1 2 3)
test -v 'a[1+1]'; echo "1+1: $?"
test -v 'a[5-1]'; echo "5-1: $?"
i=0
test -v 'a[i++]'; echo "i++: $? i=$i"
n=2
[ -v 'a[n]' ]; echo "n: $?"
b=([1]=x)
test -v b; echo "b: $?"
test -v 'b[1]'; echo "b[1]: $?"
declare -A m=([k]=v)
test -v 'm[k]'; echo "m[k]: $?"
test -v 'm[z]'; echo "m[z]: $?"
test -v 'a[1]' -a -v 'a[9]'; echo "and: $?"
! test -v 'a[9]'; echo "not: $?"
