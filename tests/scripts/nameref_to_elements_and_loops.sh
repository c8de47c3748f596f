# A nameref may name an array element, which reads and assignments reach; a loop of
# namerefs reads as unset and refuses assignments.
a=(zero one two three)
typeset -n ref='a[2]'
echo "ref=$ref"
ref=TWO
echo "${a[@]}"
i=3
typeset -n byvar='a[i]'
echo "byvar=$byvar"
declare -A m=([k]=v)
f() { local key=k; local -n e=m["$key"]; echo "e=$e"; e=changed; }
f
echo "m[k]=${m[k]}"
typeset -n loop1=loop2
typeset -n loop2=loop1
echo "loop1=[$loop1]"
loop1=z
echo "assign status $?"
