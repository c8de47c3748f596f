# Arrays passed to and built in functions
sum() { local total=0 n; for n in "$@"; do (( total += n )); done; echo "$total"; }
nums=(1 2 3 4)
sum "${nums[@]}"
fill() { local -a out=(); for i in 1 2 3; do out+=("item$i"); done; echo "${out[*]}"; }
fill
declare -a global_list
add() { global_list+=("$1"); }
add a; add b
echo "${global_list[@]}"
