# The tree the `tree` cases list: run in an empty directory, on the host (to record) and
# by tests/tree_listing.rs (through wasmix, on a host directory mounted into it).
mkdir -p d1/sub d2 .hid e1/e2 'with space' v
echo hi > a.txt
printf '%05000d' 0 > big
printf '%0300000d' 0 > huge
: > d1/f1
: > d1/sub/f2
: > .dot
: > B
: > c
: > 'with space/x'
: > "$(printf 'tab\tname')"
: > v/file10 ; : > v/file9 ; : > v/file1
chmod 755 . c d1 d1/sub d2 e1 e1/e2 v
chmod 640 big
chmod 600 huge
ln -s a.txt link
ln -s d1 dlink
ln -s nowhere broken
ln -s .. d1/up
touch -d '2001-02-03 04:05:06' B
touch -d '2002-02-03 04:05:06' a.txt
touch -d '2003-02-03 04:05:06' c
