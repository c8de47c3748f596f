# sort's keys, numeric and reverse orders, unique.
printf 'b 2\na 10\nc 1\na 2\n' > kv
sort kv
sort -k2,2n kv
sort -k2,2nr -k1,1 kv
sort -u -k1,1 kv
printf '3\n1\n2\n1\n' | sort -n | uniq
