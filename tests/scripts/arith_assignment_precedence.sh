# Assignment binds loosest in bash's arithmetic: `0 && B=42` assigns to `0 && B`,
# which is an error; parentheses make it an assignment again. An element's subscript
# is evaluated once for `a[i]++` and `a[i] += n`, after the value for `a[i] = n`.
report() { sed 's/^.*line [0-9]*: //'; }
B=9
( echo $(( 0 && B=42 )) ) 2>&1 | report
( echo $(( 1 || B=88 )) ) 2>&1 | report
declare -i x=2
( y=$((1 ? 20 : x+=2)) ) 2>&1 | report
( echo $((-x=3)) ) 2>&1 | report
echo $(( 0 && (B=42) )) $B $(( 1 ? x=4 : 5 )) $x $((x = y = 3)) $y
a[1]=3; echo $(( a[1] += 2, a[1] ))
i=0; (( c[i++] = i )); declare -p c
i=0; (( d[i++] += i + 5 )); declare -p d
i=0; (( e[i++]++ )); declare -p e i
# Errors of the expression reader are named `((` in `((...))` and `for ((...))`,
# not in `$((...))`, `let`, or for a variable's own faults.
(( ++ )) 2>&1 | report
(( -- )) 2>&1 | report
(( x=9 y=41 )) 2>&1 | report
for ((i = 0; i < a b; i++)); do :; done 2>&1 | report
( echo $(( 'foo' )) ) 2>&1 | report
( echo $(( 1 @ 2 )) ) 2>&1 | report
let "r = 2 3" 2>&1 | report
z=z; (( z )) 2>&1 | report
f=(1); (( f[-5] = 2 )) 2>&1 | report
readonly r=1; (( r = 2 )) 2>&1 | report
echo done
