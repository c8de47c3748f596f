echo $(echo a $(echo b $(echo c)))
echo "$(echo "inner  spaces")"
x=$(printf 'trail\n\n\n'); echo "[$x]"
