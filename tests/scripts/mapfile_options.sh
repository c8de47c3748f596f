# mapfile: -t, -n, -s, -O, -d, and a callback with -C.
printf 'l1\nl2\nl3\nl4\nl5\n' > lines.txt
mapfile -t all < lines.txt; echo "${#all[@]}: ${all[*]}"
mapfile -t -n 2 first < lines.txt; echo "${first[*]}"
mapfile -t -s 3 rest < lines.txt; echo "${rest[*]}"
arr=(keep)
mapfile -t -O 1 arr < lines.txt; echo "${arr[0]} ${arr[5]}"
printf 'a:b:c' | { mapfile -t -d : parts; echo "${parts[1]}"; }
mapfile -t -C 'echo callback' -c 2 cb < lines.txt
readarray -t again < lines.txt; echo "${again[4]}"
