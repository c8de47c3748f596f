# printf %q makes words the shell reads back
for w in simple "with space" "quote's" "dollar\$x" "star*"; do
  q=$(printf "%q" "$w")
  eval "back=$q"
  [ "$back" = "$w" ] && echo "round trip: $q"
done
