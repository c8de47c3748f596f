printf 'l1\nl2\n' > in.txt
wc -l < in.txt
while read line; do echo "got $line"; done < in.txt
