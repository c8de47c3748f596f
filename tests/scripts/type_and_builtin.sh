# type, command -v and builtin
f() { echo "function f"; }
type -t f if cd true nosuchcommand
echo "status $?"
command -v f cd if
type -p cd
echo "status $?"
echo() { builtin echo "wrapped: $*"; }
echo hello
unset -f echo
echo plain
builtin nosuch 2>/dev/null
echo "status $?"
command echo "command skips functions"
