tmp=/tmp/wasmix-test-$$
mkdir -p $tmp
for n in 1 2 3; do echo $n > $tmp/f$n; done
cat $tmp/f* | paste -sd+ - | xargs expr 0 +
rm -r $tmp
[ -d $tmp ] || echo cleaned
