# source runs a file in this shell, with its own positional parameters if given.
cat > lib.sh <<'END'
libvar="set by lib"
greet() { echo "hello from lib, args: $*"; }
echo "sourced with $# args: $*"
return 3
echo "not reached"
END
set -- outer
. ./lib.sh first second
echo "status $? / $libvar / $*"
greet x
source ./lib.sh
source ./missing.sh 2>/dev/null || echo "missing: $?"
