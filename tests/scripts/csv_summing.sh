# Summing a CSV column with read and with awk.
printf 'item,qty,price\napple,3,0.5\npear,2,0.75\nplum,10,0.2\n' > data.csv
total=0
while IFS=, read -r item qty price; do
  [ "$item" = item ] && continue
  total=$((total + qty))
done < data.csv
echo "quantity $total"
awk -F, 'NR > 1 { s += $2 * $3 } END { printf "value %.2f\n", s }' data.csv
sort -t, -k2,2n data.csv | head -n 2
