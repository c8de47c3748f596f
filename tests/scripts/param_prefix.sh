f=/usr/local/lib/archive.tar.gz
echo ${f#/} ${f#*/} ${f##*/}
echo ${f#*.} ${f##*.}
p='*'
echo ${f#$p/}
