# IFS splitting into arrays
data="a,b,,c"
IFS=, read -ra fields <<< "$data"
echo "${#fields[@]}"
printf "[%s]" "${fields[@]}"; echo
IFS=,
arr=($data)
echo "${#arr[@]}"
unset IFS
words=(  spaced   out  )
echo "${#words[@]}"
