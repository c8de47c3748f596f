# A function may make a local of a name a calling function made a read-only local;
# not of a read-only global, nor again of its own read-only local, as in bash.
f() { local -r x=1; local x=2; echo "f $x $?"; }
f
g() { local -r y=1; h; echo "g $y"; }
h() { local y=5; echo "h $y"; y=6; echo "h $y"; }
g
readonly z=1
k() { local z=2; echo "k $z"; }
k
function aaa() { local x='1 2 3'; echo "aaa ${x}"; }
function bbb { local x; x=(4 5 6); echo "bbb ${x[*]}"; }
ccc() { local x=(7 8 9); echo "ccc ${x[*]}"; }
function ddd { local -r x='0'; echo "ddd ${x}"; aaa; bbb; ccc; }
ddd 2>&1
