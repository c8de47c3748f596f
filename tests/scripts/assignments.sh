a=1
b="two words"
echo "$a $b"
a=changed
echo $a
c=$a$b
echo "$c"
empty=
echo "[$empty]"
PATH=/bin seq 2
