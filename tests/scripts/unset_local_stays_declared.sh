# Unsetting a local of the running function leaves it declared there, unset (hiding
# the global still), exported only when it hid a prefix assignment, as in bash.
f() { local v=x; local -p; }
v=t f
f() { local v; declare -p v; }
v=t f
f() { local v=x; unset v; declare -p v; }
v=g
f
v=t f
g() { local -i v=1; unset v; declare -p v; local -a a=(1); unset a; declare -p a; local x=1; export x; unset x; declare -p x; echo "${x-unset}"; x=5; declare -p x; }
g; declare -p x 2>&1 | sed 's/.*: //'
export e=1; h() { local e=2; unset e; declare -p e; echo "[${e-unset}]"; }; h; echo "e=$e"
k() { local q=1; unset q; unset q; declare -p q; }; k
