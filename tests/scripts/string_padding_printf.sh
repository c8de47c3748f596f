# Formatting tables with printf widths.
printf '%-10s|%5s|\n' name qty
for row in "apple 3" "kiwi 12" "banana 100"; do
  set -- $row
  printf '%-10s|%5d|\n' "$1" "$2"
done
printf '%08.3f|%+.2e|%x\n' 3.14159 12345 48879
printf '%s\n' "$(printf '%0.s-' {1..10})"
