# An array element before a command is no name for its environment: bash refuses each,
# before expanding its value, and runs the command without it.
f() { declare -p var 2>&1; echo "in f"; }
var[0]=X var[@]=Y f
echo "status $?"
var[0]=$(echo expanded >&2) echo hi
echo "status $?"
var[1]=X true; echo "status $?"; declare -p var
a[0]=1 b=2 env | grep -c '^b='
