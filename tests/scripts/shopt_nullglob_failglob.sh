# nullglob drops patterns that match nothing; failglob makes them an error.
mkdir work && cd work
touch one.txt two.txt
echo *.none
shopt -s nullglob
echo *.none "[after]"
set -- *.none; echo "count $#"
shopt -u nullglob
shopt -s failglob
echo *.none 2>/dev/null; echo "status $?"
echo *.txt
shopt -u failglob
shopt nullglob failglob
