# `. /dev/stdin` and `source /dev/fd/0` read the commands from the builtin's own
# standard input: a pipe, a here-string, a redirected file.
echo 'echo "from a pipe"' | . /dev/stdin
echo "status $?"
printf 'echo "arguments: $1 $2"\n' | source /dev/fd/0 a b
. /dev/stdin <<< 'echo "from a here-string"'
echo 'echo "from a file"' > commands.sh
. /dev/stdin < commands.sh
echo 'exit 3' | . /dev/stdin
echo "not reached"
