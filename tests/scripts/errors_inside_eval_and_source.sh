# An error that drops the command line (a read-only variable, a bad substitution,
# failglob, FUNCNEST) drops the rest of eval's or source's text; the line that ran it
# goes on, and eval or source fails.
readonly r=1
eval 'r=2; echo not here'; echo "after eval $?"
eval 'echo ${6=x}; echo not here'; echo "after eval $?"
e=(); eval ': ${e[@]:=}; echo not here'; echo "after eval $?"
shopt -s failglob; eval 'echo /nosuch*; echo not here'; echo "after eval $?"; shopt -u failglob
f() { f; }; FUNCNEST=5; eval 'f; echo not here'; echo "after eval $?"; unset FUNCNEST
echo 'r=3; echo not here' > sourced.sh
. ./sourced.sh; echo "after source $?"
# A function does not stop it: the whole line is dropped.
g() { r=4; echo not here; }
g; echo not here either
echo "status $?"
# Messages are headed by the sourced file, or the file a function was defined in.
echo 'echo ${a:}' > bad.sh
. ./bad.sh 2>&1 | sed 's/: line.*//'
echo 'h() { r=5; }' > defs.sh
. ./defs.sh; h 2>&1 | sed 's/: line.*//'
