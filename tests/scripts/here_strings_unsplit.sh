# A here-string is neither split nor globbed: runs of blanks and IFS characters stay,
# and "$@" is joined by spaces.
f() { cat <<< "$@"; cat <<< $*; }
f first second third
x="foo        bar"
cat <<< $x
cat <<< "$x"
y="qux:::::bax"
IFS=':'
cat <<< $y
IFS=$' \t\n'
touch a.txt b.txt
cat <<< *.txt
set -- "a  b" c
cat <<< "$@"
