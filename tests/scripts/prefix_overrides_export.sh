# A prefix assignment replaces an exported variable's value for that command alone.
export A=1
A=2 env | grep '^A='
A=3 A=4 printenv A
A=5 sh -c 'echo "A=$A"'
env | grep '^A='
f() { env | grep '^A='; }
A=6 f
