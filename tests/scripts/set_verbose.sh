# set -v writes each line to stderr as the shell reads it, before running what it holds.
exec 2>&1
set -v
echo a; echo b
if true; then
  echo c
fi # trailing

# comment
echo d &&
  echo e
f() {
  echo in f
}
f
cat <<EOF
body
EOF
echo "$-"
set +v
echo quiet again
