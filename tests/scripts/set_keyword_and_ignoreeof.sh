# `set -k` (keyword): assignments among a command's arguments go into its environment,
# or into the shell when no command word is left. `set -o ignoreeof` is on exactly
# while IGNOREEOF is set.
set -k
echo $-
f() { echo "$@ [$c]"; env | grep '^c='; }
f a c=9 b
echo "[$c]"
x=
$x d=4
echo "$d"
a=5 b=6 $x c=7 $x e=9
echo $a $b $c $e
HOME=/a/b/c /bin/echo $HOME c=9 | sed "s|$HOME|HOME|"
set +k
echo e=5
set -o | grep -E 'ignoreeof|keyword'
set -o ignoreeof; echo "$IGNOREEOF"; set -o | grep ignoreeof
set +o ignoreeof; echo "${IGNOREEOF-unset}"
IGNOREEOF=x; set -o | grep ignoreeof; echo "$SHELLOPTS"
unset IGNOREEOF; shopt -o ignoreeof
