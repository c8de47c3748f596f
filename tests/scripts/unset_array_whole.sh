# unset a whole array and an associative array
a=(1 2 3); declare -A m=([k]=v)
unset a m
echo "${#a[@]} ${#m[@]}"
declare -p a 2>/dev/null || echo "a is gone"
