# Sparse arrays and unset of elements
a=(zero one two three four)
unset 'a[1]'
unset "a[3]"
echo "${#a[@]}" "${!a[@]}" "${a[@]}"
a[7]=seven
for i in "${!a[@]}"; do echo "$i=${a[i]}"; done
unset a
echo "${#a[@]}" "[${a[0]}]"
