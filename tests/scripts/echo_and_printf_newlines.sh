# Trailing newlines: echo adds one, printf only what the format says.
echo a; printf 'b'; printf '\n'
x=$(printf 'c\n\n\n'); echo "[$x]"
y=$(echo); echo "[${y}]"
printf '%s\n' "line" | od -An -c | tr -s ' '
echo -n | wc -c
