check() { "$@"; echo "$1 -> $?"; }
check true
check false
check grep -q x /dev/null
check test 1 -eq 1
