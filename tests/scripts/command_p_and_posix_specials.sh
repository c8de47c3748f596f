# command -p looks in the default PATH only, for running and for -v/-V.
mkdir bin
echo 'echo hello' > bin/hello
chmod +x bin/hello
saved=$PATH
PATH=$PWD/bin
command -p hello; echo "status $?"
command -pv cat; echo "status $?"
command -vp cat
command -p -V cat
echo "PATH kept: $([ "$PATH" = "$PWD/bin" ] && echo yes)"
hello
PATH=$saved
# In POSIX mode a special builtin is found before a function of its name.
eval() { echo "shell function: $1"; }
eval 'echo before posix'
set -o posix
eval 'echo after posix'
type -t eval
set +o posix
eval 'echo posix off'
true() { echo "true function"; }
set -o posix
true
