# /bin/printf (GNU's dialect), reached through env
env printf '%s-%s\n' a b c
env printf -- '%d\n' 5
env printf '%.4x|%q|%q\n' 42 'a b' "it's"
env printf 'stops\chere\n'
echo
env printf '%b\n' 'x\101y'
env printf '%d\n' 3x
echo "status $?"
