# <(LIST) is a /dev/fd path to LIST's output; < <(LIST) reads it directly
while read -r line; do echo "got $line"; done < <(printf 'a\nb\n')
cat <(echo x) <(echo y)
echo <(true) <(true)
paste <(seq 2) <(seq 3 4)
count() { wc -l < "$1"; }
count <(seq 5)
mapfile -t lines < <(printf '1\n2\n3\n')
echo "${#lines[@]} lines, last ${lines[2]}"
sort -r <(printf 'm\nz\na\n') | head -n 1
