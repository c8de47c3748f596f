# declare -g from a function sets a global; plain declare makes a local.
f() { declare -g g1=global; declare l1=local; g2=also_global; }
f
echo "${g1-} ${l1-unset} ${g2-}"
h() { local x=1; declare -g x=2; echo "inside: $x"; }
h
echo "outside: $x"
