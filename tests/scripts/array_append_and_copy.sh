# Appending to arrays and copying them, keeping empty elements.
a=()
a+=("")
a+=("two words")
a[5]=five
b=("${a[@]}")
echo "${#a[@]} ${#b[@]} ${!b[*]}"
printf '<%s>' "${b[@]}"; echo
c=("${a[@]:1}")
echo "${c[0]}"
