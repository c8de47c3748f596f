seq 1 100 | grep 7 | wc -l
seq 1 5 | tac | head -n 2
printf 'b\na\nc\n' | sort | tr a-z A-Z
echo hello | rev
seq 10 | tail -n 3 | tr '\n' ' '
echo
yes | head -n 3 | uniq -c
