f=/usr/local/lib/archive.tar.gz
echo ${f%.gz} ${f%.*} ${f%%.*}
echo ${f%/*} ${f%%/*}x
echo ${f%nomatch}
