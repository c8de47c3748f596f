f() { echo "$# args: $*"; shift; echo "now $1"; }
f one two three
echo "script args: $#"
g() { for a; do echo "g:$a"; done; }
g "x y" z
