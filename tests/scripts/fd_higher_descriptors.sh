# Descriptors above 2: exec opens them, commands write and read through them
exec 3> log.txt
echo "first" >&3
echo "second" 1>&3
exec 3>&-
cat log.txt
echo "to closed" >&3
echo "status $?"
printf 'one\ntwo\nthree\n' > lines
exec 4< lines
read -r a <&4
read -r -u 4 b
echo "$a $b"
cat <&4
exec 4<&-
