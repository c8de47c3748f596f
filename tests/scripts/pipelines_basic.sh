echo hello | tr a-z A-Z
printf '3\n1\n2\n' | sort | head -n 2
seq 1 5 | tail -n 2 | wc -l
