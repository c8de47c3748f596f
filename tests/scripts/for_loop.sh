for x in a b "c d"; do echo "[$x]"; done
set -- p q
for y; do echo "arg $y"; done
for f in $(echo 1 2); do echo "sub $f"; done
