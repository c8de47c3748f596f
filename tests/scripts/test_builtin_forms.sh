# test and [ with strings, numbers and files
[ -n "a" ] && echo nonempty
[ "a" = "a" ] && echo equal
[ 3 -lt 10 ] && echo less
[ ! -e /nonexistent ] && echo missing
test -d / && echo dir
[ "abc" \< "abd" ] && echo sorted
[ 1 -eq 1 -a 2 -eq 2 ] && echo and
[ 1 -eq 2 -o 2 -eq 2 ] && echo or
