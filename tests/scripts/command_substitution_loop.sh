for f in $(seq 1 3); do
  echo "line $f: $(printf '%0*d' $f 0)"
done
