count=0
for f in a b c d e; do
  case $f in
    [aeiou]) count=$((count + 1));;
  esac
done
echo "vowels: $count"
