# a comment
echo one # trailing comment
echo two#not-a-comment
echo "# in quotes"
: ignored ; echo three
