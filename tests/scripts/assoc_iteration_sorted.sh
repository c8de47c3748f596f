# Iterating an associative array in sorted key order and by value.
declare -A ages=([carol]=35 [alice]=30 [bob]=25)
for name in $(printf '%s\n' "${!ages[@]}" | sort); do echo "$name ${ages[$name]}"; done
for name in "${!ages[@]}"; do echo "${ages[$name]} $name"; done | sort -n | head -n 1
echo "${#ages[@]} people"
