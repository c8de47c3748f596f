# sed edits commonly used in scripts.
printf 'name=old\ncount=1\n# comment\n' > conf
sed -i 's/^name=.*/name=new/' conf
sed -n '/^count/p' conf
sed '/^#/d' conf
sed -e 's/=/ = /' -e '2q' conf
echo "path/to/file.txt" | sed 's,.*/,,; s/\.txt$//'
