# `declare -fp NAME` names each function it cannot find, in operand order, where
# `declare -f` and `-F` alone only fail; to an associative array `@` and `*` are keys
# like any other for `-v`.
f() { :; }

declare -fp nosuch f g 2>&1 | sed 's/^.*line [0-9]*: //'
echo "status ${PIPESTATUS[0]}"
declare -f nosuch; echo "declare -f: $?"
declare -F nosuch; echo "declare -F: $?"
declare -A A=([x]=1)
[ -v 'A[@]' ] && echo "A[@] set" || echo "A[@] unset"
[[ -v A[*] ]] && echo "A[*] set" || echo "A[*] unset"
A[@]=2
[ -v 'A[@]' ] && echo "A[@] set now"
a=(1 2)
[ -v 'a[@]' ] && echo "a[@] set" || echo "a[@] unset"
