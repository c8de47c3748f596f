# exit in a subshell or command substitution ends only that.
( exit 3 ); echo "subshell: $?"
v=$(echo before; exit 4; echo after); echo "substitution: $? $v"
{ ( exit 5 ); } ; echo "braces: $?"
f() { ( exit 6 ); echo "function goes on: $?"; }
f
echo "script goes on"
