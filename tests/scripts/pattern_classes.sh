# Character classes in patterns: [[:alpha:]] [[:digit:]] [[:space:]] [!...] ranges.
for c in a Z 5 ' ' _ '!' '~'; do
  case "$c" in
    [[:upper:]]) echo "'$c' upper" ;;
    [[:lower:]]) echo "'$c' lower" ;;
    [[:digit:]]) echo "'$c' digit" ;;
    [[:space:]]) echo "'$c' space" ;;
    [[:punct:]]) echo "'$c' punct" ;;
    *) echo "'$c' other" ;;
  esac
done
[[ x == [!a-m] ]] && echo "not in a-m"
[[ ']' == []] ]] && echo "bracket first in class"
[[ - == [a-] ]] && echo "dash last in class"
