# A while loop reading one file while writing another through descriptors
printf "a\nb\nc\n" > in.txt
exec 3> out.txt
while read -r line; do echo "got $line" >&3; done < in.txt
exec 3>&-
cat out.txt
