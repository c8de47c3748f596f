# Field splitting happens on unquoted expansions only, never on literal text.
v="a  b   c"
printf '[%s]' $v; echo
printf '[%s]' "$v"; echo
printf '[%s]' a"$v"b; echo
printf '[%s]' $v"x y"; echo
e=""
printf '[%s]' $e "$e" ${e:-} "${e:-}"; echo
set -- "1 2" 3
printf '[%s]' $@; echo
printf '[%s]' "$@"; echo
printf '[%s]' "$*"; echo
g='*'
printf '[%s]' "$g"; echo
