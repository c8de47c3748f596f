# exec: redirecting the shell itself, and replacing it
exec 2>/dev/null
ls /no/such/path
echo "errors hidden, status $?"
exec 1> out.txt
echo "into the file"
exec 1>&2
echo "now on stderr"
exec echo "replaced by echo"
echo "never printed"
