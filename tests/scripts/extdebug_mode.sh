# shopt -s extdebug, bash's debugger mode: a failing DEBUG trap skips the command, 2
# returns from a function, functions inherit the traps, declare -F says where a function
# was defined, BASH_ARGV and BASH_ARGC hold each call's arguments.
print_trap() {
  echo "trap at $1 in ${FUNCNAME[1]}"
  if [[ $skip == 1 ]]; then
    skip=0
    return 1
  fi
  if [[ $leave == 1 ]]; then
    leave=0
    return 2
  fi
  return 0
}
shopt -s extdebug
shopt -p extdebug
set -o | grep -E 'functrace|errtrace'
skip=0 leave=0
trap 'print_trap $LINENO' DEBUG
x=1
skip=1
x=2
echo "x is $x"
f() {
  echo "f starts"
  leave=1
  echo "not reached"
}
f
echo "f returned $?"
trap - DEBUG
# (The script's own directory left out.)
declare -F f | sed 's|/.*/||'
declare -F f nosuch | sed 's|/.*/||'; echo "status ${PIPESTATUS[0]}"
args() {
  echo "${#BASH_ARGV[@]}: ${BASH_ARGV[*]} | ${BASH_ARGC[*]}"
  [ "$1" = deeper ] || args deeper "$@"
}
args one two
shopt -u extdebug
args one two
set -o | grep -E 'functrace|errtrace'
