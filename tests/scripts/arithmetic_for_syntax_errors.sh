# A `for ((...))` without three expressions: bash's two lines, and the status.
for text in 'for (( i=0; "i < 3" )); do echo $i; done' 'for (( i=0; i < 3; i++; 7 )); do echo $i; done' \
  'for (( i=0 )); do :; done' 'for (( )); do :; done' 'for ((;;;)); do :; done' \
  'for ((i=0;i<(1);i++)) ; do echo fine; done' 'eval "for ((;;;)); do :; done"'; do
  bash -c "$text" 2>&1
  echo "status $?"
done
