# Attributes given through a nameref go to the variable it names (`readonly ref`,
# `export ref`, `declare -r ref`, `declare -x ref=v`); a declaration of the nameref
# itself (`-n`) asks whether it, not its target, is read-only; `declare -p` writes
# what it found before each name it did not find.
typeset -n ref=foo
readonly ref
declare -p ref foo
foo=4
echo "[$ref]"
typeset -n r2=bar
export r2
declare -p r2 bar
bar=5; env | grep '^bar='
typeset -n r3=baz
declare -r r3
declare -p r3 baz
typeset -n r4=qux
declare -x r4=7
declare -p r4 qux
typeset -n r5=three
readonly three=3
typeset -n r5=one
echo "r5 -> ${!r5}"
declare -p r5 nosuch r4 2>&1 | sed "s/.*line/line/"
