f() { echo first; }
f
f() { echo second; }
f
unset -f f 2>/dev/null || unset f
type f >/dev/null 2>&1 || echo gone
