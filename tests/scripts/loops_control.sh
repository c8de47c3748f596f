# break N and continue N leave nested loops.
for i in 1 2 3; do
  for j in 1 2 3; do
    (( j == 2 )) && continue 2
    (( i == 3 )) && break 2
    echo "$i.$j"
  done
done
n=0
until (( n >= 3 )); do echo "until $n"; ((n++)); done
while read -r a; do echo "read $a"; done <<< $'x\ny'
for ((i = 0, j = 10; i < 3; i++, j -= 2)); do echo "$i $j"; done
select_none=1; echo "done $select_none"
