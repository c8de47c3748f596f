for i in 1 2 3; do echo "line $i"; done > loop.txt
wc -l < loop.txt
for i in a b; do echo $i; done >> loop.txt
tail -n 2 loop.txt
