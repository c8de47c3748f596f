# A local with no value (declared, or unset since) leaves the exported global in the
# environment of the programs a function runs; a local with a value replaces it.
export V=abc
f1() { local V; printenv V || echo "f1 none"; }
f2() { local V=x; printenv V || echo "f2 none"; }
f3() { local V; unset V; printenv V || echo "f3 none"; }
f4() { local V; V=y; printenv V || echo "f4 none"; }
f5() { local -x W; printenv W || echo "f5 none"; }
f6() { declare V; printenv V || echo "f6 none"; }
f7() { local V; f1; }
f1; f2; f3; f4; f5; f6; f7
env | grep -c '^V='
