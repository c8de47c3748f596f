# The order bash lists an associative array's keys in
declare -A m=([one]=1 [two]=2 [three]=3 [four]=4 [five]=5)
echo "${!m[@]}"
echo "${m[@]}"
declare -A w
for k in apple banana cherry date elder fig grape; do w[$k]=${#k}; done
echo "${!w[@]}"
declare -p m
