# $BASH_COMMAND: the command running as written; in a trap, the one that set it off.
echo "[$BASH_COMMAND]"
trap 'echo "ERR: $LINENO: -$BASH_COMMAND- failed"' ERR
false
[[ -n "" ]]
f() { return 3; }
f
x=1 ls /nonexistent-dir 2>/dev/null
trap 'echo "DEBUG: $BASH_COMMAND"' DEBUG
echo hi "$x" | cat
trap - DEBUG
(exit 4)
