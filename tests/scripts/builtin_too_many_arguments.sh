# shift, return, break and continue with too many arguments: bash gives up on the rest of
# a script's line, and on all of a -c string (a subshell or substitution ends alone).
set -- a b c
shift 1 extra; echo "not reached on this line"
echo "next line: $# left, status $?"
f() { return 1 2; echo "not in f"; }
f; echo "not reached either"
for i in 1 2; do continue 1 2; done; echo "nor this"
echo "after the loop"
bash -c 'shift 1 2; echo "not reached"
echo "nor the next line"'
echo "bash -c: $?"
bash -c 'x=$(shift 1 2); echo "substitution: $?"; (return 1 2); echo "subshell: $?"'
bash -c 'set -- a; shift x; echo "numeric: $?"; shift -1; echo "range: $?"'
