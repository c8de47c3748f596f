# PATH entries that are relative or empty search from the working directory, and a
# text file without #! runs as a shell script
mkdir -p tools
printf 'echo "tool ran with $# args: $*"\n' > tools/tool
chmod +x tools/tool 2>/dev/null
PATH="tools:$PATH" tool a b
printf 'echo here-tool\n' > here
chmod +x here 2>/dev/null
PATH=":$PATH" here
./tools/tool c
sh ./tools/tool d
echo ab | egrep 'a|z'
echo 'a.b' | fgrep '.'
