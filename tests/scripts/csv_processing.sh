printf 'name,age\nann,31\nbob,25\ncid,40\n' > people.csv
tail -n +2 people.csv | cut -d, -f2 | sort -n | head -n 1
total=0
while IFS=, read name age; do
  [ "$name" = name ] && continue
  total=$((total + age))
done < people.csv
echo "total $total"
