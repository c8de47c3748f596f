mkdir lib
echo 'helper() { echo "helper got $1"; }; LOADED=yes' > lib/funcs.sh
. lib/funcs.sh
echo "loaded: $LOADED"
helper one
echo 'echo "sourced with $# args: $*"' > args.sh
source args.sh a b
type cd
type helper > /dev/null && echo "helper is known"
type nosuchcommand || echo "type failed"
