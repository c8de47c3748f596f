# <( ) and >( ) give commands a file to read or write.
diff <(printf 'a\nb\n') <(printf 'a\nc\n') && echo same || echo differ
cat <(echo one) <(echo two)
paste <(printf '1\n2\n') <(printf 'x\ny\n')
while read -r l; do echo "got $l"; done < <(printf 'p\nq\n')
echo "to a process" > >(tr a-z A-Z) | cat
wait
