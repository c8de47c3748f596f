# Negative subscripts before an array's start, `${#a[i]}` and `${#a[@]}` under `set -u`,
# a variable's value evaluated with its subscripts' parameters expanded, and an empty
# subscript given to declare: bash's messages and what each command line does after.
a=(1 2)
echo "[${a[-5]}]" "[${a[-2]}]"
x=5
echo "[${x[-1]}]"
echo "$(( a[-5] + 1 ))"
echo "${#a[-2-3]}"; echo never run
echo "after: $?"
echo "${#a[5]}" "${#x[0]}"
b=(x y z); d=1; y=7
ref='b[$d]'
b[1]=y
echo "$((ref)) $(( ref + 1 ))"
set -- 2
ref='b[$1]+b[${d}]'
b[2]=3
echo "$((ref))"
declare -a e
declare e[]=5
echo "declared: $?"
(set -u; echo "${#e[@]}"; echo never run)
(set -u; declare -A h; echo "${#h[k]}")
(set -u; s=ab; echo "${#s[0]}")
(set -u; echo "${#unset_array[4]}")
(set -u; echo "${#a[7]}" "${#a[@]}")
# A subscript's brackets must pair up (and its quotes end) for read, printf -v and
# declare to take it as an element.
declare -A A
read "A[]]" <<< x; echo "read: $?"
read "A[a]b]" <<< y; echo "read: $?"
read "A[80's]" <<< z; echo "read: $?"
printf -v "A[80's]" %s w; echo "printf: $?"
declare "A[]]=X"; echo "declare: $?"
declare "A[x[1]]=2"
read "a[]" <<< z; echo "read: $?"
read "b[1]" <<< q; echo "${b[1]}"
declare -p A
