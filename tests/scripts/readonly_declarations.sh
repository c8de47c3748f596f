# Declaring a read-only variable again: `export` and `readonly` name only the variable,
# `declare` and `local` name themselves; no local may hide a read-only variable; an
# array assigned to one ends the command line; `+x` is no option of export or readonly.
exec 2> errors.txt
readonly a=1
readonly a=2; echo "readonly again: $?"
export a=2; echo "export: $?"
declare a=2; echo "declare: $?"
f() { local a; echo "local: $? a=$a"; local a=3; echo "local with value: $? a=$a"; }
f
g() { local x=1; readonly x; local x=2; echo "local again: $? x=$x"; }
g
readonly a=(1 2); echo "not reached"
echo "after the array: $?"
declare a=(3); echo "not reached"
echo "after declare's array: $?"
export +x a; echo "export +x: $?"
readonly +r a; echo "readonly +r: $?"
declare +r a; echo "declare +r: $?"
echo "what they said:"
sed "s/^.*line [0-9]*: //" errors.txt
