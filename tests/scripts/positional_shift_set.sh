# Positional parameters: set, shift, $#, $@ and $*
set -- a "b c" d
echo $#
shift
echo "$1|$2"
set -- "$@" e
echo "$*"
IFS=-
echo "$*"
unset IFS
for p in "$@"; do echo "<$p>"; done
