# An assignment whose subscript has blanks is one word when it starts a command; as an
# argument, or without = after the ], the words stay apart.
a[1 * 1]=x
a[ 1 + 2 ]=z
b=1 a[ 4 ]+=y
echo "status $? ${a[*]} keys ${!a[*]}"
i=(0 1 2)
c[ i[1] + i[2] ]=3
declare -p c
printf '<%s>\n' a[3 + 4]=
declare a[a[0]=1]=X
declare -p a
if a[ 7 ]=seven; then echo "${a[7]}"; fi
