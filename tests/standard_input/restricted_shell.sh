# A restricted shell (bash -r, rbash, set -r): what it refuses, with bash's messages and
# statuses, and what it still does.
bash -r -c 'echo "$-"; shopt restricted_shell; declare -p ENV BASH_ENV; cd /'
rbash -c 'shopt restricted_shell; PATH=/nowhere; echo "not reached"'
bash -c 'set -r; shopt restricted_shell; PATH=/still-possible-in-c-text; echo "$PATH"'
f() { echo imported; }
export -f f
bash -r -c 'f'
bash -c 'f'
set -o | grep -c restricted
echo "$-"
set -r
echo "$-"
cd /; echo "cd $?"
pushd /; echo "pushd $?"
stack=$(pushd -n /); echo "pushd -n $? ${stack##* }"
PATH=/nowhere; echo "PATH $?"
SHELL=/bin/sh; echo "SHELL $?"
unset ENV; echo "unset ENV $?"
export BASH_ENV=x; echo "export BASH_ENV $?"
declare -p ENV BASH_ENV
HISTFILE=x; echo "HISTFILE $?"
g() { local PATH=x; }; g; echo "local PATH $?"
/bin/echo hi; echo "slash $?"
./nothing; echo "dot-slash $?"
. ./nothing; echo "source $?"
source /dev/null; echo "source /dev/null $?"
echo abc > out; echo "> $?"
echo abc >> out; echo ">> $?"
echo abc >| out; echo ">| $?"
echo abc &> out; echo "&> $?"
echo abc >& out; echo ">& $?"
cat <> out; echo "<> $?"
test -e out; echo "out exists $?"
echo to-stderr >&2
exec 3>&1; echo "exec 3>&1 $?"
echo via-3 >&3
exec 3>&-; echo "exec 3>&- $?"
exec true; echo "exec $?"
exec -c; echo "exec -c $?"
command -p true; echo "command -p $?"
command true; echo "command $?"
hash -p /bin/ls myls; echo "hash -p path $?"
hash -p no-such-program-here myls; echo "hash -p unknown $?"
hash -p cat mycat; echo "hash -p cat $?"
BASH_CMDS[x]=/bin/sh; echo "BASH_CMDS path $?"
BASH_CMDS[y]=no-such-program-here; echo "BASH_CMDS unknown $?"
history -w /tmp/history; echo "history -w $?"
enable -n echo; echo "enable -n $?"
enable echo; echo "enable $?"
set +r; echo "set +r $?"
set -o restricted; echo "set -o restricted $?"
shopt restricted_shell
shopt -u restricted_shell; echo "shopt -u $?"
(cd /); echo "subshell $?"
x=$(cd / 2>&1); echo "substitution: $x"
echo "$-"
