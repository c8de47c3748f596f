show() { echo "$# $*"; shift; echo "$# $*"; shift 2; echo "$# $*"; }
show a b c d e
GREETING=hello
export GREETING
export OTHER=value
unset OTHER
echo "[$OTHER] [$GREETING]"
f() { echo f; }
unset f
