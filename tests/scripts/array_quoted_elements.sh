# Elements with spaces, globs and empty strings
a=("a b" "" "*" "$HOME")
printf "[%s]" "${a[@]}"; echo
echo "${#a[@]}"
b=(${a[0]})
echo "${#b[@]}"
