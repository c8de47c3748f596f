[ 3 -lt 5 ] && echo lt
[ 5 -ge 5 ] && echo ge
[ 2 -eq 3 ] || echo not-eq
[ -3 -lt 0 ] && echo negative
[ 1 -lt 2 -a 2 -lt 3 ] && echo and
[ 1 -gt 2 -o 2 -lt 3 ] && echo or
[ ! 1 -gt 2 ] && echo not
