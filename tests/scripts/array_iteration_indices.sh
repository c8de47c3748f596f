# Iterating over sparse indices and keys
a=([3]=c [1]=a [2]=b)
for i in "${!a[@]}"; do echo "$i ${a[$i]}"; done
echo "${a[@]}"
echo "${!a[*]}"
