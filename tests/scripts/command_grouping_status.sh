# && and || chains, grouping with braces and subshells.
true && echo a || echo b
false && echo c || echo d
false || true && echo e
{ false || echo f; } && echo g
( false ) || { echo h; false; } || echo i
x=0; (( x )) || x=1; echo "x=$x"
[ -d / ] && [ -f /nonexistent ] || echo "second test failed"
