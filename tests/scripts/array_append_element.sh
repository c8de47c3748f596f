# Appending to elements and whole arrays
a=(x)
a[0]+=y
a+=(z w)
echo "${a[@]}" "${#a[@]}"
declare -A m=([k]=1)
m[k]+=2
m+=([j]=3)
echo "${m[k]} ${m[j]}"
