# `declare b[2]` names an element without a value: b is an indexed array.
declare -r c[100]; declare -p c
declare b[2]; declare -p b
declare -i n[3]; declare -p n
# With -a or -A, a parenthesised value after a subscript assigns the whole array.
declare -a e[10]=test; declare -p e
declare -a e[10]="(test)"; declare -p e
declare -a f[3]="(a b)"; declare -p f
# In POSIX mode, `readonly -p` and `export -p` print as the commands they are.
readonly ro=1
readonly -a ra=(1 2)
export ex=2
declare -i ix=3; export ix
set -o posix
readonly -p | grep -E '^readonly (-a )?(c|ra|ro)[ =]|^readonly -a c$'
export -p | grep -E ' (ex|ix)='
set +o posix
readonly -p | grep -E ' (c|ra|ro)[ =]|-ar c$'
# The shell's user ids are read-only integers.
declare -p UID EUID | sed 's/=.*//'
(UID=5) 2>/dev/null || echo "UID is read-only"
