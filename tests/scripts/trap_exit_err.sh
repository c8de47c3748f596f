# EXIT and ERR traps, and what $? they see.
trap 'echo "exit trap, status $?"' EXIT
trap 'echo "err trap after line $LINENO"' ERR
false
echo "went on"
f() { return 3; }
f
trap - ERR
false
echo "err trap removed"
trap
exit 4
