# set -E lets the ERR trap fire inside functions.
trap 'echo "ERR in ${FUNCNAME[0]:-main}"' ERR
f() { false; echo "f continues"; }
f
set -E
f
set +E
trap - ERR
echo done
