mkdir -p work/sub
echo content > work/sub/f.txt
cp work/sub/f.txt work/g.txt
mv work/g.txt work/h.txt
ls work
rm -r work/sub
ls work
[ -e work/sub ] || echo removed
