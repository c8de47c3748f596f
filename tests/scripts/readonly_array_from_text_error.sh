# A read-only array given a compound value as text (`readonly -a 'r=(7)'`) fails as
# the builtin's own error; the syntactic form fails as an assignment.
f() { readonly -a r=(6) ; }
f
declare -p r
f() { readonly -a r='(7)' ; }
f 2>&1 | sed 's/.*line [0-9]*: //'
f() { readonly -a 'r=(8)' ; }
f 2>&1 | sed 's/.*line [0-9]*: //'
(readonly -a r=(9)) 2>&1 | sed 's/.*line [0-9]*: //'
declare -p r
