# Subshells do not inherit the EXIT and ERR traps (but list them), and run their own
trap 'echo "parent exit"' EXIT
(echo "in subshell")
value=$(trap 'echo "substitution exit"' EXIT; echo inner)
echo "captured: [$value]"
( trap 'echo "subshell exit"' EXIT; echo body )
echo "listed in a subshell: $(trap)"
trap 'echo "ERR on line $LINENO"' ERR
false
(false)
x=$(false)
f() { false; }
f
set -E
f
set +E
shopt -po errtrace nounset
shopt -o -p nosuchoption
echo "status $?"
shopt -o errexit >/dev/null
echo "errexit query: $?"
set -u
echo "${undefined_variable}"
echo "not reached"
