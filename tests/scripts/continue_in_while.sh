# continue and break inside while loops with read.
printf '1\n2\nskip\n3\nstop\n4\n' > in.txt
while read -r l; do
  [[ $l == skip ]] && continue
  [[ $l == stop ]] && break
  echo "got $l"
done < in.txt
i=0
while true; do
  (( ++i > 5 )) && break
  (( i % 2 )) || continue
  echo "odd $i"
done
