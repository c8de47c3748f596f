# printf -v into array elements in a loop
for i in 1 2 3; do printf -v "padded[$i]" "%03d" "$i"; done
echo "${padded[@]}"
printf -v joined "%s," a b c
echo "${joined%,}"
