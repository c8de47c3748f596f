# head, tail and cut on generated lines.
seq 10 > n.txt
head -n 3 n.txt | tr '\n' ' '; echo
tail -n 2 n.txt | tr '\n' ' '; echo
tail -n +9 n.txt | tr '\n' ' '; echo
head -c 5 n.txt | od -c | head -1
printf 'a:b:c\nd:e:f\n' | cut -d: -f2-
printf 'abcdef\n' | cut -c2-4
