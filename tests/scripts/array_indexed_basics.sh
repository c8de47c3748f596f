# Indexed arrays: literals, elements, counts, indexes, appending
a=(x "y z" w)
echo "${a[0]}" "${a[1]}" "${a[2]}"
echo "${#a[@]}" "${!a[@]}"
a+=(v)
a[10]=ten
echo "${#a[@]}" "${!a[@]}"
printf '[%s]' "${a[@]}"; echo
printf '[%s]' ${a[@]}; echo
printf '[%s]' "${a[*]}"; echo
echo "${a[-1]}" "${a[-2]}"
echo "$a"
