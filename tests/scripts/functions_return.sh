f() { return 3; echo never; }
f; echo $?
g() { false; }
g; echo $?
h() { (return 2); echo "after subshell return $?"; return; }
h; echo $?
