# The DEBUG trap goes off inside other traps' commands (EXIT, ERR, a signal's) with
# BASH_COMMAND still the command that set them off; an untraced function does not see it,
# and a DEBUG trap it sets stays after it returns.
bash -c 'trap "echo dbg \$BASH_COMMAND" DEBUG; trap "echo err; echo err2" ERR; false; echo end'
bash -c 'trap "echo dbg \$BASH_COMMAND" DEBUG; trap "echo ex; echo ex2" EXIT; echo end'
bash -c 'trap "echo dbg \$BASH_COMMAND" DEBUG; trap "echo usr; echo usr2" USR1; kill -USR1 $$; echo end'
func() {
  trap 'echo "${FUNCNAME:-top}[$LINENO] funcdebug"' DEBUG
  echo funcdebug line
}
trap 'echo "[$LINENO] debug"' DEBUG
echo debug line
g() { trap -p DEBUG; echo in g; }
g
func
echo after
trap - DEBUG
# The RETURN trap: $LINENO is the function's first line, or the line of `source`.
printf 'echo sourced\n' > sourced.src
h() {
  echo in h
}
trap 'echo "return at $LINENO from ${FUNCNAME[1]:-top}"' RETURN
set -T
h
. ./sourced.src
