for i in 1 2; do
  for j in a b; do
    case $j in
      a) echo "$i$j" ;;
      *) echo "$i-$j" ;;
    esac
  done
done
