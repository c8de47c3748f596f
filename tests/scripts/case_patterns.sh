for w in apple banana cherry 42 "two words" ""; do
  case $w in
    a*) echo "$w: a-word";;
    *an*) echo "$w: has an";;
    [0-9]*) echo "$w: number";;
    "two words") echo "quoted match";;
    '') echo empty;;
    *) echo "$w: other";;
  esac
done
