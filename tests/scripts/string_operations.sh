# String manipulation with parameter expansion.
path=/usr/local/lib/libfoo.so.1.2
echo "${path##*/}" "${path%/*}" "${path#*/}" "${path%%.*}" "${path%.*}"
file=archive.tar.gz
echo "${file%.gz}" "${file%%.*}" "${file#*.}" "${file##*.}"
s="Hello, World"
echo "${s/World/There}" "${s//o/0}" "${s/#Hello/Bye}" "${s/%World/All}" "${s/l}"
echo "${#s}" "${s:7}" "${s:0:5}" "${s^^}" "${s,,}"
empty=
echo "[${empty:-default}] [${empty-set}] [${unset_var:-x}] [${unset_var+y}]"
