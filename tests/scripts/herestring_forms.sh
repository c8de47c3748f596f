# Here-strings feed one word, with a newline added.
read -r a b <<< "one two"
echo "$b $a"
wc -c <<< "abc"
tr a-z A-Z <<< "$(echo mixed Case)"
set -- x y z
cat <<< "$*"
cat <<< $'tab\there'
while read -r w; do echo "[$w]"; done <<< $'l1\nl2'
