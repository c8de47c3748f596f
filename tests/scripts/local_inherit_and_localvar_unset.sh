# `local -I` (and `shopt -s localvar_inherit`) starts a local as a copy of what it
# hides, but not a nameref; `shopt -s localvar_unset` keeps a caller's local unset.
declare -i n=5; export e=3; declare -n rf=n; a=(1 2)
g() { local -I n e rf a; declare -p n e rf a; local -I a=(9); declare -p a; }
g
k() { local -I u; declare -p u; }
k
var=global
f() { local $1 var; declare -p var; var=local; declare -p var; }
f; f -I
shopt -s localvar_inherit
a=(X) s=X
f() { local a+=(Y) s+=(Y); declare -p a s; }
f
shopt -u localvar_inherit
f1() { local v=1; f2; echo "f1: ${v-unset}"; }
f2() { unset v; echo "f2: ${v-unset}"; v=3; }
v=g; f1; echo "$v"
shopt -s localvar_unset
f1; echo "$v"
shopt localvar_inherit localvar_unset
export -I z 2>&1 | sed 's/.*line [0-9]*: //'
