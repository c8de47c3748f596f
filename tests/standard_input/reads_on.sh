# Read from standard input, each command runs before the next line is read: `read` and
# `cat` take the lines after them.
read x
a line for read
echo "read: $x"
cat
a line for cat
