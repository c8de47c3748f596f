# A prefix assignment (`NAME=value command`) makes a new exported variable for the
# command: it hides a nameref, an array or attributes, and the variable is back after.
bar=one
foo=bar
typeset -n foo
foo=two eval 'printf "%s\n" "$foo"'
foo=two echo "$foo"
echo "bar=$bar"; declare -p foo
declare -a arr=(x y)
arr=z eval 'declare -p arr'
declare -p arr
declare -i n=0
n=1+1 eval 'echo "n=$n"'
# export, readonly and a global declare keep the variable they name.
var=1; export -n var
var=60 export var; declare -p var
v2=5 readonly v2; declare -p v2
v3=7 declare -x v3; declare -p v3
v4=8 export v4=9; declare -p v4
v5=1 export other; declare -p v5 2>/dev/null || echo "v5 is gone"
# `local NAME` in the function a prefix assignment calls starts with its value.
f() { local x; declare -p x; printenv x; }
x=12 f
x=1
k() { local x; declare -p x; x=inner; }
x=3 k; echo "x=$x"
h() { local -i n; declare -p n; }
n=5 h
# `declare +n ref=value` assigns where ref points, then ref is a plain variable.
declare -n ref=target
declare +n ref=value
declare -p ref target
# What a prefix assignment leaves behind is an ordinary variable: a later `local` of
# it starts unset.
var2=61 export var2
g() { local var2; declare -p var2; }
g
set -o posix
kept=1 :
declare -p kept
g2() { local kept; declare -p kept; }
g2
