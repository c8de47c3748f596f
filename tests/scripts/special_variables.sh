# Special parameters and variables bash provides.
set -- a b c
echo "$# $1 ${3} $*"
false; echo "status $?"
true; echo "status $?"
echo "$0" | grep -q special_variables && echo "\$0 is the script"
[ "$$" -gt 0 ] && echo "pid is a number"
[ "$BASHPID" = "$$" ] && echo "BASHPID is \$\$ outside subshells"
echo "$LINENO"
f() { echo "${FUNCNAME[0]} called from ${FUNCNAME[1]:-main}"; }
f
r1=$RANDOM; [ "$r1" -ge 0 ] && [ "$r1" -lt 32768 ] && echo "RANDOM in range"
[ "$SECONDS" -ge 0 ] && echo "SECONDS counts"
echo "${PIPESTATUS[@]}"; true | false | true; echo "${PIPESTATUS[@]}"
