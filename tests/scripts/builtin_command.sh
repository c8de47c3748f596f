# builtin and command bypass functions; command -v and -V tell what a name is.
echo() { builtin echo "wrapped: $*"; }
echo hi
builtin echo direct
command echo via command
unset -f echo
command -v cd
command -v echo
type -t cd
cd() { builtin cd "$@" && echo "now in a directory"; }
cd /
unset -f cd
builtin notabuiltin 2>/dev/null; echo "status $?"
