f=/tmp/cleanup-$$
echo data > $f
[ -s $f ] && echo present
rm -f $f
[ -e $f ] || echo absent
