# Substrings, lengths and replacements
s="The quick brown fox"
echo "${#s} ${s:4:5} ${s: -3} ${s:(-9):5}"
echo "${s/quick/slow} ${s//o/0}"
echo "${s#The } ${s% fox}"
echo "${s^^} ${s,,}"
f=archive.tar.gz
echo "${f%%.*} ${f#*.} ${f##*.}"
