# ${a[@]@a} gives the array's attributes once for each element.
declare -a a=(1 2 3)
declare -A A=([x]=1 [y]=2)
printf '<%s>' "${a[@]@a}"; echo
printf '<%s>' "${a[*]@a}"; echo
printf '<%s>' "${A[@]@a}"; echo
printf '<%s>' "${u[@]@a}"; echo
declare -ir n=5
echo "${n@a}"
