# export -f hands functions to child shells; declare -F shows the x; -n takes it back.
f() { echo "hi $1"; }
export -f f; echo "[$?]"
{ export -f nope; echo "[$?]"
declare -f -a f; echo "[$?]"
declare -f g=1; echo "[$?]"; } 2>&1 | sed 's/^[^ ]*: line [0-9]*: //'
declare -F
bash -c 'f x; declare -F'
readonly -f f
declare -f +r f 2>&1 | sed 's/^[^ ]*: line [0-9]*: //'
declare -F
export -nf f
bash -c 'f y' 2>/dev/null; echo "[$?]"
g() { echo g; }; export -f g; unset -f g; bash -c 'declare -F'
