# tr's sets and wc's counts.
echo "Hello, World" | tr -d ',' | tr 'a-z' 'A-Z'
echo "aaabbbccc" | tr -s 'a-c'
echo "hello" | tr -c 'l\n' '.'
printf 'one two\nthree\n' | wc -l
printf 'one two\nthree\n' | wc -w
printf 'one two\nthree\n' | wc -c
