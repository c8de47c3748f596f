for i in 1 2 3; do echo $i; done > loop.txt
cat loop.txt
if true; then echo in-if; fi >> loop.txt
tail -n 1 loop.txt
{ echo g1; echo g2; } | wc -l
