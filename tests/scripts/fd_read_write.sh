# <> opens a file for reading and writing; {var} picks a free descriptor.
echo "hello world" > rw.txt
exec 6<>rw.txt
read -r -n 5 w <&6
echo "read: $w"
read -r rest <&6
echo "then: $rest"
exec 6>&-
cat rw.txt
exec {fd}> named.txt
echo "fd is a number: $(( fd >= 10 ))"
echo "through the named one" >&$fd
exec {fd}>&-
cat named.txt
