# A fault in an array subscript's expression, or in an integer variable's value, is
# reported as the expression reader's alone (not as let's, declare's, `((`'s or `[[`'s)
# and ends the rest of the command line, wherever it happens; a fault in the expression
# of `let`, `((` or `[[` itself only fails that command.
a=(1 2); declare -i i; declare -A h
a[1+]=3; echo never run
echo "status: $?"
a=([2/0]=1); echo never run
declare -a q=([1+]=2); echo never run
declare -a q="([1+]=2)"; echo never run
declare -i j=1+; echo never run
echo "${a[1+]}"; echo never run
echo "${#a[1+]}" never run; echo never run
x=abc; echo "${x:1+}"; echo never run
i=1+; echo never run
i=5; i+=2*; echo never run
i+=2*3; echo "i: $i"
[[ a[1+] -eq 1 ]]; echo never run
(( a[1+] )); echo never run
let "a[1+]=2"; echo never run
f() { local -i l=1+; echo never run; }; f; echo never run
f() { a[3*]=1; echo never run; }; f; echo never run
echo "after: $?"
let 1+; echo "let: $?"
(( 1+ )); echo "((: $?"
[[ 1+ -eq 1 ]]; echo "[[: $?"
h[1+]=2; declare -p h
declare "a[]=1"; echo "declare: $?"
declare -ai e=(1+1 2); e+=(3*3); e[0]+=4; echo "${e[@]}"
