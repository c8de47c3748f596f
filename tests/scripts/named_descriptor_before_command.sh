# `{NAME}>file` before a command name or alone: NAME is set only when a command
# runs (alone, bash opens the descriptor and keeps it, but sets nothing), and a
# function prints it among the redirections, as bash does.
{fd}>/dev/null
echo "[$fd]"
exec {g}>/dev/null
echo "[$g]"
{h}>/dev/null :
echo "[$h]"
x=$({k}</dev/null); echo "[$x][$k]"
{ : "$({xx}</dev/stdin)"; } <<<hi; echo "[${xx}]"
f() { echo in f; }
{m}>/dev/null f; echo "[$m]"
g() { {fd}>/dev/null echo x; a=1 {f2}<&0 2>&1 cat {f3}>&- y; }
declare -f g
