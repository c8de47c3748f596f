# declare -ft: a traced function inherits the DEBUG and RETURN traps; set -T for all.
f() { :; }
declare -ft f; declare -F
export -f f; declare -F
declare -f +t f; declare -F
declare -ft f
trap 'echo "${FUNCNAME:-main} debug"' DEBUG
f
g() { :; }
g
trap - DEBUG
h() { trap 'echo "returning from h"' RETURN; :; }
declare -ft h
h
declare -ft nope 2>&1 | sed 's/^[^ ]*: line [0-9]*: //'
declare -fx nope; echo "declare -fx: $?"
