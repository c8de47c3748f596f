# -s is true for a directory, as its size is never zero on Linux.
mkdir emptydir
[ -s emptydir ] && echo "[ -s dir ]"
[[ -s emptydir ]] && echo "[[ -s dir ]]"
: > zero
[ -s zero ] || echo "empty file is not -s"
