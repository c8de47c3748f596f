cat <<< "here string"
read a b <<< "x y z"
echo "$a/$b"
wc -w <<< "one two three"
