# Arrays built up in loops and passed to commands
list=()
for word in alpha beta gamma; do
  list+=("$word-1")
done
echo "${#list[@]}"
for item in "${list[@]}"; do echo "item: $item"; done
set -- "${list[@]}"
echo "$# $2"
joined=$(IFS=,; echo "${list[*]}")
echo "$joined"
read -r -a parts <<< "a b   c"
echo "${#parts[@]} ${parts[2]}"
