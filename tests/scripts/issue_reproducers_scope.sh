# Function scoping cases that once differed from bash
f() { unset x; echo "in f: ${x-unset}"; }
g() { local x=local; f; echo "in g: ${x-unset}"; }
x=global
g
echo "top: $x"
h() { local v=1; local v; echo "second local keeps $v"; }
h
echo hi | read y
echo "pipeline read leaves y: [${y-unset}]"
