# A program writing past `ulimit -f` is stopped at the limit and killed by SIGXFSZ.
ulimit -f 1
head -c 5000 /dev/zero > big 2>/dev/null
echo "head: $?"
wc -c < big
cat big big > bigger 2>/dev/null
echo "cat: $?"
wc -c < bigger
head -c 1000 /dev/zero > small
echo "small: $?"
wc -c < small
ulimit -f 2
echo "raise: $?"
ulimit -f
(ulimit -n 3; echo hi > out 2>/dev/null; echo "three files: $?")
(ulimit -n 64; echo hi > out; echo "64 files: $?")
