# Filling arrays from commands: word splitting, mapfile, read -a.
files=($(printf '%s\n' c a b | sort))
echo "${#files[@]}: ${files[*]}"
IFS=, read -ra fields <<< "x,y,,z"
echo "${#fields[@]}: ${fields[2]}|${fields[3]}"
mapfile -t nums < <(seq 3)
echo "${nums[@]}"
words=( $(echo "one two") "three four" )
echo "${#words[@]}"
declare -a copy=("${words[@]}")
echo "${copy[2]}"
