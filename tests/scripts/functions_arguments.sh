# Functions see their own positional parameters; $0 stays the script's.
show() { echo "$# args: $*"; echo "first=$1 last=${!#}"; }
show a "b c" d
show ""
outer() { inner "$@"; inner "$*"; }
inner() { echo "inner got $#"; }
outer 1 2 3
f() { shift 2; echo "after shift: $*"; set -- new; echo "reset: $*"; }
f a b c d
echo "script args: $#"
