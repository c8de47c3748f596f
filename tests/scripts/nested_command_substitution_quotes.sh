# Quotes inside nested command substitutions need no escaping.
echo "$(echo "a \"quoted\" word")"
echo "$(printf '%s' "$(echo 'inner single')")"
x="$(echo "$(echo "level 2 $(echo "level 3")")")"
echo "$x"
echo "$(echo ')' "(" )"
