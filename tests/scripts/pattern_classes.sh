# POSIX character classes in case, [[ ]] and parameter operators
for c in a Z 5 ' ' '!' _; do
  case $c in
    [[:digit:]]) echo "'$c' digit" ;;
    [[:upper:]]) echo "'$c' upper" ;;
    [[:lower:]]) echo "'$c' lower" ;;
    [[:space:]]) echo "'$c' space" ;;
    [[:punct:]]) echo "'$c' punct" ;;
    *) echo "'$c' other" ;;
  esac
done
v="abc123def"
echo "${v//[[:digit:]]/#}"
echo "${v//[![:alpha:]]/}"
[[ $v == [[:alpha:]]*[[:digit:]]* ]] && echo "letters then digits"
echo "${v##*[[:digit:]]}"
