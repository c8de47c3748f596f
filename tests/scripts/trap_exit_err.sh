# trap on EXIT and ERR
cleanup() { echo "cleanup runs last, status $?"; }
trap cleanup EXIT
trap 'echo "ERR trap: status $?"' ERR
false
echo "after false"
if false; then :; fi
false || echo "handled, no ERR"
trap -p
trap - ERR
false
trap -p ERR
echo "end of script"
exit 3
