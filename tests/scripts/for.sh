for i in 1 2 3; do echo "item $i"; done
for word in "a b" c; do echo "[$word]"; done

for x in one two three; do

  echo $x
done
