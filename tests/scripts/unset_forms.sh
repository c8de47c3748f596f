# unset of variables, elements, functions; unset -v and -f.
a=1 b=2
f() { echo f; }
unset a
echo "${a-unset}"
unset -f f
type f >/dev/null 2>&1 || echo "f gone"
arr=(0 1 2 3)
unset 'arr[1]' 'arr[3]'
echo "${!arr[@]} ${arr[*]}"
declare -A m=([x]=1 [y]=2)
unset 'm[x]'
echo "${!m[@]}"
unset arr
echo "${#arr[@]}"
readonly ro=1
unset ro 2>/dev/null || echo "readonly stays"
