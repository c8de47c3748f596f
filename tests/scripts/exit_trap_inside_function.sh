# `exit` inside a function runs the EXIT trap there: it sees the function's locals,
# FUNCNAME and the status, as in bash.
for text in 'f() { local x=in; exit 3; }; x=out; trap "echo \$x \$FUNCNAME \$?" EXIT; f' \
  'trap "echo trap:\$FUNCNAME" EXIT; f() { exit; }; f' \
  'f() { trap "echo inner" EXIT; exit 4; }; f; echo no' \
  'f() { (trap "echo sub \$FUNCNAME" EXIT; exit 2); echo "after $?"; }; f' \
  'trap "echo t; exit 7" EXIT; f() { exit 1; }; f'; do
  bash -c "$text"
  echo "status $?"
done
