# type and command -V say what a name is.
f() { :; }
alias al='echo' 2>/dev/null
type -t f echo if cd ls nosuch_zz
type -t al
command -V f | head -1
command -V if
command -v if
command -v nosuch_zz || echo "not found: $?"
