for i in 1 2 3; do
  for j in 1 2 3; do
    [ $j -eq 2 ] && continue
    [ $i -eq 3 ] && break 2
    echo "$i$j"
  done
done
echo end
