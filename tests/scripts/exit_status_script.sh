echo start
exit 42
echo never
