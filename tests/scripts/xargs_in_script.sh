printf 'x\ny\nz\n' | xargs echo
seq 1 6 | xargs -n 2 echo pair
printf 'a\nb\n' | xargs -I{} echo "item {}"
