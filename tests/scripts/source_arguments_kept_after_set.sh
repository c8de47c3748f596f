# `. FILE ARGS` gives FILE its own positional parameters; if FILE uses `set` to
# replace them, they stay after it (bash), but `shift` or a function's `set` do not.
dir=$(mktemp -d)
echo 'set -- m n o p' > "$dir/set.sub"
echo 'shift' > "$dir/shift.sub"
echo 'f() { set -- q; }; f; echo "inside: $*"' > "$dir/func.sub"
set -- a b c
. "$dir/shift.sub" x y z; echo "after shift: $*"
. "$dir/func.sub" x y; echo "after function: $*"
. "$dir/set.sub" x y z; echo "after set: $*"
set -- a b c
. "$dir/set.sub"; echo "without arguments: $*"
rm -r "$dir"
