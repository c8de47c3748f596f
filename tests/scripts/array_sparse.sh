# Sparse indexed arrays: holes, ${!a[@]}, appending after the highest index.
a=([3]=x [10]=y)
echo "${#a[@]} ${!a[*]}"
a+=(z)
echo "${!a[@]} -> ${a[11]}"
unset 'a[3]'
echo "${!a[@]} ${#a[@]}"
a[-1]=last
echo "${a[@]}"
b=()
b[5]=five
echo "${b[@]} ${!b[@]} ${#b[5]}"
