# A function's nameref whose target is its own name (`f v` with `local -n v=$1`) stands
# for the global of that name, with bash's warnings; a loop of namerefs at the top level
# reads as unset and takes no assignment.
set_it() { local -n v=$1; v=inside; echo "read: $v"; }
v=global
set_it v 2>&1 | sed 's/.*line [0-9]*: //'
set_it v 2>/dev/null
echo "after: $v"
unset v
make() { typeset -n x=$1; x=made; }
make x 2>/dev/null
echo "made: $x"
declare -n p=q q=r r=p
p=4 2>&1 | sed 's/.*line [0-9]*: //'
echo "p = $p" 2>&1 | sed 's/.*line [0-9]*: //'
echo "status $?"
