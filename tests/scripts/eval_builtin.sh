# eval runs its arguments as shell text
cmd='echo one; echo two'
eval "$cmd"
var=greeting
eval "$var='hello there'"
echo "$greeting"
eval echo '$var'
for i in 1 2 3; do eval "n$i=$((i * 10))"; done
echo "$n1 $n2 $n3"
eval 'f() { echo "function from eval: $1"; }'
f arg
eval "false"; echo "status $?"
eval ''; echo "empty status $?"
