echo $# "$1" "$2"
echo "$*"
set -- "a b" c
for a in "$@"; do echo "[$a]"; done
for a in $*; do echo "<$a>"; done
echo "${1}"
f() { echo "$0" > /dev/null; echo "$#"; }
f x y z
