# command -v succeeds when any name is found, shows a path as written, skips what
# would not run; command -p looks in the default PATH; builtin -- NAME.
myfunc() { echo x; }
command -v echo myfunc nosuchthing for; echo "status $?"
command -v nosuchthing; echo "status $?"
mkdir -p tools tools/adir
touch tools/plain
printf 'echo run\n' > tools/script && chmod +x tools/script
command -v tools/plain; echo "status $?"
command -v tools/script; echo "status $?"
command -v tools/adir; echo "status $?"
PATH="$PWD/tools:$PATH"
command -v adir; echo "status $?"
printf 'echo wrong\n' > tools/tr && chmod +x tools/tr
echo aaa | tr a b
echo aaa | command -p tr a b
builtin; echo "status $?"
builtin --; echo "status $?"
builtin -- false; echo "status $?"
builtin -- echo through builtin
