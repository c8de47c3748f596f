# Builtins refuse options they do not know, with bash's words and usage line.
{
alias -x foo=barz
unalias -x fooaha
exec -i /bin/sh
readonly -x
eval -i
command -i
builtin -x
caller -x
wait -x
pwd -x
umask -i
hash -v
declare -z
jobs -z
mapfile -u
mapfile -u XX a
mapfile ''
mapfile invalid-var
read -x
read /bin/sh
read -u XX v
set -q
.
source
. -i x
unset -f -v SHELL
unset -x y
echo "status $?"
} 2>&1 | sed 's/^[^ ]*: line [0-9]*: //'
read 'a[1]' b <<< "x y"; echo "${a[1]} $b"
declare -A h; read 'h[k]' <<< z; echo "${h[k]}"
