echo 'echo "sourced with $# args: $*"' > s.sh
. ./s.sh a b
echo "script still has $#"
