# A nameref that names nothing yet takes what is assigned to it as the name it stands
# for, and only a variable's or an array element's name: anything else is refused, by
# an assignment (the rest of its line dropped), `for` and `select` loops, `read` and
# `printf -v`.
named() { sed 's/[^ ]*: line \([0-9]*\): /line \1: /'; }
{ declare -n r; r=/; echo "not reached"; } 2>&1 | named
{ declare -n r; r=x; declare -p r; r='a[1]'; declare -p r; } 2>&1 | named
{ declare -n r; r="a b"; echo "not reached"; } 2>&1 | named
{ declare -n r; for r in / ok; do echo "in $r"; done; echo "for: $?"; declare -p r; } 2>&1 | named
{ declare -n r; select r in / ok; do echo "in $r"; done <<< 1; echo "select: $?"; } 2>&1 | named
{ declare -n r; : ${r:=/}; echo "not reached"; } 2>&1 | named
{ declare -n r; printf -v r / ; echo "printf: $?"; declare -p r; } 2>&1 | named
{ declare -n r; read r <<< '/'; echo "read: $?"; read r <<< 'name'; echo "read: $?"; declare -p r; } 2>&1 | named
{ declare -n r; r= ; echo "not reached"; } 2>&1 | named
{ declare -n r; r[1]=x; echo "not reached"; } 2>&1 | named
# Given a list (mapfile, read -a) or declared an array, it becomes an array; an array
# cannot become a nameref; arithmetic says what it cannot assign and goes on.
{ declare -n r; mapfile r < /dev/null; declare -p r; } 2>&1 | named
{ declare -n r; read -a r <<< 'a b'; declare -p r; } 2>&1 | named
{ declare -n r; declare -a r; r[1]=x; declare -p r; } 2>&1 | named
{ a=(1 2); declare -n a; echo "declare: $?"; declare -p a; } 2>&1 | named
{ declare -n r; echo "$((r = 5 + 1))"; echo "status $?"; declare -p r; } 2>&1 | named
{ declare -n r=target; mapfile r <<< 'line'; declare -p r target; } 2>&1 | named
declare -n r
r=/
echo "status $?"
declare -p r
