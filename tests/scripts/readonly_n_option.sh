# `readonly -n` assigns without making anything read-only or a nameref, as bash does,
# and alone lists the read-only variables.
A=(1); readonly -n A; echo "status $?"; declare -p A
x=1; readonly -n x; echo "status $?"; declare -p x
x=1; readonly -n x=y; echo "status $?"; declare -p x
readonly -n z; declare -p z 2>&1 | sed 's/^.*line [0-9]*: //'
readonly r=1
readonly -n | grep -c ' r='
bash -c 'readonly r=1; readonly -n r=2; echo not reached' 2>&1 | sed 's/^.*line [0-9]*: //'
