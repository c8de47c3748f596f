# ERR trap inside functions and conditions
trap 'echo "ERR at status $?"' ERR
f() { false; echo "f continues"; }
f
if ! false; then echo "negated, no trap"; fi
false && echo never
echo end
