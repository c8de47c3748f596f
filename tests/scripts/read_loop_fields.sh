# Reading a file of records field by field.
cat > people.txt <<'END'
alice:30:paris
bob:25:berlin
carol:35:rome
END
while IFS=: read -r name age city; do
  echo "$name is $age and lives in $city"
done < people.txt
total=0
while IFS=: read -r _ age _; do total=$((total + age)); done < people.txt
echo "total $total"
mapfile -t lines < people.txt
echo "${#lines[@]} lines, last: ${lines[-1]}"
