# FUNCNEST limits how deep functions call, as in bash.
FUNCNEST=100
foo() { (( f++ )); if (( f > 200 )); then return 7; fi; foo; }
f=0; foo 2>&1 | cut -d: -f2-
f=0; foo 2>/dev/null; echo "status $? f=$f"
FUNCNEST=20
f=0; foo 2>/dev/null; echo "status $? f=$f"
unset FUNCNEST
f=0; foo; echo "status $? f=$f"
# Redirections of a function whose body is no brace group print after the body.
f1() for i in 1; do :; done 2>&1
g1() ( echo a ) >/dev/null
h1() { echo; } 2>&1
declare -f f1 g1 h1
g1
