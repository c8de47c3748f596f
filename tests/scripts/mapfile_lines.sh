# mapfile / readarray
printf 'one\ntwo\nthree\nfour\n' > lines
mapfile -t arr < lines
echo "${#arr[@]}: ${arr[*]}"
readarray -t -n 2 first < lines
echo "${first[@]}"
mapfile -t -s 2 tail < lines
echo "${tail[@]}"
mapfile kept < lines
printf '[%s]' "${kept[@]}"; echo
printf 'a,b,c' | { mapfile -t -d , parts; echo "${#parts[@]} ${parts[2]}"; }
mapfile < lines
echo "${#MAPFILE[@]}"
