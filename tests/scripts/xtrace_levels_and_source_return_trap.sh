# `set -x` repeats PS4's first character for each eval, `.` and trap action (not the
# EXIT trap's), as for a command substitution; the RETURN trap runs as `.` ends.
dir=$(mktemp -d)
echo 'echo insrc' > "$dir/src.sh"
echo 'false' > "$dir/fails.sh"
{
  set -x
  . "$dir/src.sh"
  trap "echo dbg" DEBUG; true; trap - DEBUG
  eval "eval \"echo deep\""
  f() { eval "echo inf"; }; f
  trap "echo err" ERR; false; trap - ERR
  x=$(eval "echo cs")
  set +x
} 2>&1 | sed "s#$dir#DIR#"
trap 'echo "ret $?"' RETURN
. "$dir/src.sh"; echo a
g() { . "$dir/src.sh"; echo ing; }; g
set -T; g
. "$dir/fails.sh"; echo "status $?"
trap - RETURN
rm -r "$dir"
