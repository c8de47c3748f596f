# read -a then loop over the fields
read -ra parts <<< "one two three"
for i in "${!parts[@]}"; do echo "$i=${parts[i]}"; done
IFS=, read -ra csv <<< "x,y,z"
echo "${csv[*]}"
