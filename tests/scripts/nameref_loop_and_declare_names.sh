# A nameref as a for loop's variable is pointed at each word in turn.
first="I am first"; second="I am in the middle"; third="I am last"
typeset -n ref=first
for ref in first second third; do
	echo "ref -> ${!ref}, value: $ref"
done
echo "final state: ref -> ${!ref}, value: $ref"
readonly one=1 two=2 three=3
typeset -n ref=one
for ref in one two three; do
	echo "ref -> ${!ref}, value: $ref"
done
typeset -n v=v1
v1=a v2=b
for v in v1 v2; do echo "${!v}: $v"; done
unset -n ref v
# `export -p NAME` and `readonly -p NAME` export and make read-only.
y=1; export -p y; printenv y
z=2; readonly -p z; z=3; echo "z=$z"
# Errors name the builtin as it was called.
typeset -p nosuch 2>&1 | cut -d: -f3-
f() { local -p nosuch 2>&1 | cut -d: -f3-; }; f
