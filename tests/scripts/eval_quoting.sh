# eval reads its arguments again as shell text.
cmd='echo "a  b"'
eval "$cmd"
eval echo '$((1 + 2))'
var=name
eval "$var=value"
echo "$name"
eval 'for i in 1 2; do echo "loop $i"; done'
x='$y'
y=indirect
eval echo "$x"
eval "set -- 'one two' three"
echo "$# $1"
