# case with classes, alternatives and fallthrough
for x in 7 a B "" "two words"; do
  case $x in
    [0-9]) echo "digit" ;;&
    [[:digit:]]*) echo "starts with a digit" ;;
    [[:lower:]]) echo "lower" ;;
    [[:upper:]]) echo "upper" ;&
    "") echo "empty or after upper" ;;
    *" "*) echo "has a space" ;;
  esac
done
