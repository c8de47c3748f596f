for i in 1 2 3 4 5; do
  case $i in
    2) continue ;;
    4) break ;;
  esac
  echo $i
done
for outer in a b; do
  for inner in 1 2 3; do
    case $inner in 2) continue 2 ;; esac
    echo "$outer$inner"
  done
done
for outer in x y; do
  for inner in 1 2; do
    break 2
  done
  echo never
done
echo done
