# A function's lines are numbered where it was read, wherever it is called from: an
# eval it is called from counts for nothing, an eval it was defined in does.
g() {
  echo "g at $LINENO"
  nosuch_g 2>&1 | sed 's/^.*: line/line/'
}


eval 'g'
eval '
h() {
  echo "h at $LINENO"
}'
h
eval 'echo "eval at $LINENO"'
f() { f; }; FUNCNEST=3
eval 'f' 2>&1 | sed 's/^.*: line/line/'
