# printf %q quotes so the shell reads the same word back.
for w in simple 'with space' "it's" 'a"b' '$HOME' $'tab\there' '' '*' 'x;y'; do
  q=$(printf '%q' "$w")
  eval "back=$q"
  [ "$back" = "$w" ] && echo "ok: $q"
done
