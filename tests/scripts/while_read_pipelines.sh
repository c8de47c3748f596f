# Loops fed by pipelines run in a subshell; the last value is lost outside.
count=0
printf '%s\n' a b c | while read -r x; do count=$((count + 1)); done
echo "count after pipe: $count"
while read -r x; do count=$((count + 1)); done < <(printf '%s\n' a b c)
echo "count after process substitution: $count"
total=$(printf '%s\n' 1 2 3 | { t=0; while read -r n; do t=$((t + n)); done; echo $t; })
echo "total $total"
