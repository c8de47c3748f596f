# Traps are reset in subshells, except ignored signals; trap -p shows them.
trap 'echo parent exit' EXIT
trap '' USR1
( trap -p | sort )
( echo "in subshell" )
f() { trap 'echo function return' RETURN; echo "in f"; }
f
trap -p EXIT
