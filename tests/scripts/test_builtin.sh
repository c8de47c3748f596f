[ -d / ] && echo "root is a directory"
test -f nosuch || echo "no such file"
echo data > file.txt
[ -f file.txt ] && [ -s file.txt ] && echo "file with data"
[ "a" = "a" ] && echo equal
[ "a" != "b" ] && echo different
[ 2 -gt 1 ] && [ 1 -le 1 ] && echo numbers
[ -z "" ] && [ -n "x" ] && echo lengths
[ ! 1 -eq 2 ] && echo negated
[ 1 -eq 1 -a 2 -eq 2 ] && echo both
if test -e file.txt; then echo exists; fi
