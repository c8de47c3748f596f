# Counting words with an associative array
declare -A count
for w in apple pear apple fig pear apple; do
  (( count[$w]++ ))
done
for w in apple fig pear; do echo "$w ${count[$w]}"; done
