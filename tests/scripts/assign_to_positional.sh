# `${N=word}` cannot assign to a positional parameter: bash reports it, the rest of the
# line is not run, the status is 1, and the script goes on (in POSIX mode it ends).
echo ${6="arg6"}
echo "status $?"
x=${7:=a}; echo "not reached"
: ${8=b}
echo "x is ${x-unset}"
f() { echo ${9=c}; echo "not reached in f"; }
f; echo "not reached after f"
echo "after f $?"
set -o posix
echo ${6=x}
echo "not reached in POSIX mode"
