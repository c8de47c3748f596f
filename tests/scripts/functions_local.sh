x=global
f() { local x=local; echo "in f: $x"; g; }
g() { echo "in g: $x"; }
f
echo "after: $x"
h() { local y; y=set; }
h; echo "y=[$y]"
