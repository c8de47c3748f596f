# Counting words with an associative array, the way scripts do.
declare -A count
for w in the cat and the dog and the bird; do
  (( count[$w]++ ))
done
for w in $(printf '%s\n' "${!count[@]}" | sort); do
  echo "$w ${count[$w]}"
done
declare -A copy
for k in "${!count[@]}"; do copy[$k]=$(( count[$k] * 10 )); done
echo "${copy[the]} ${copy[cat]}"
