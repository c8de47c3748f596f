# return sets $?; a function's status is its last command's without return.
f() { return 42; }
f; echo $?
g() { false; }
g; echo $?
h() { true; return; }
h; echo $?
k() { (( $1 > 0 )) && return 0; return 1; }
k 5 && echo positive
k -1 || echo "not positive"
m() { return 256; }
m; echo $?
