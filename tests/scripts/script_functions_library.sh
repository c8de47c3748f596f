# Small utility functions scripts define.
die() { echo "error: $*" >&2; return 1; }
trim() { local s=$1; s=${s#"${s%%[![:space:]]*}"}; s=${s%"${s##*[![:space:]]}"}; printf '%s' "$s"; }
join_by() { local IFS=$1; shift; echo "$*"; }
contains() { local x; for x in "${@:2}"; do [[ $x == "$1" ]] && return 0; done; return 1; }
echo "[$(trim '   padded text  ')]"
join_by , a b c
contains b a b c && echo "has b"
contains z a b c || echo "no z"
die "something" 2>/dev/null || echo "die returned $?"
