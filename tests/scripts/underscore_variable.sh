# `$_`: the last word of the command before; a program's environment holds the path it
# was run by, and a shell starts with it.
env | grep '^_=' | sed 's#=.*/#=#'
bash -c 'echo "child shell: ${_##*/}"'
true first; true a | true b; echo "[$_]"
true c & wait; echo "[$_]"
true d && true e; echo "[$_]"
! true f; echo "[$_]"
f() { true inside; }; f x y; echo "[$_]"
true x; $NOTHING; echo "[$_]"
true x; y=1; echo "[$_]"
unset _; echo "[$_]"
