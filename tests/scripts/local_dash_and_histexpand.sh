# `local -` makes the shell's options the function's own, put back (with what they
# do, IGNOREEOF for ignoreeof) as it returns; `set -H` is an option a script may set
# (there is no history to expand without `set -o history`), as in bash.
IGNOREEOF=0
shopt -o ignoreeof
f() {
  local -
  set +o ignoreeof
  shopt -o ignoreeof
}
f
shopt -o ignoreeof
echo "IGNOREEOF=$IGNOREEOF"
g() {
  local -
  set -u -f -H +B
  echo "inside: $-"
}
before=$-
g
echo "after: $- (same: $([ "$-" = "$before" ] && echo yes))"
set -H
echo "flags: $-"
set -o | grep histexpand
echo hi
echo !! "a!b"
set +H
set -o | grep histexpand
h() { local -; set -o posix; }
h
shopt -o posix
