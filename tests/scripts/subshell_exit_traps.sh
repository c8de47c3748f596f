# EXIT traps in subshells run when the subshell ends.
( trap 'echo "subshell exit trap"' EXIT; echo "in subshell" )
echo "between"
v=$( trap 'echo trapped' EXIT; echo value )
echo "captured: $v"
trap 'echo "main exit trap"' EXIT
echo "end of script"
