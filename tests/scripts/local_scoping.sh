# local variables shadow globals for the function and the functions it calls.
x=global
inner() { echo "inner sees $x"; x=changed-by-inner; }
outer() { local x=outer; inner; echo "outer has $x"; }
outer
echo "global is $x"
counter() { local -i i; for i in 1 2 3; do :; done; echo "i=$i"; }
counter
echo "i outside: ${i-unset}"
f() { local a=(1 2 3); echo "${#a[@]}"; }
f
echo "a outside: ${a[*]-unset}"
