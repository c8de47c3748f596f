# Usage errors of builtins, as bash reports them in its status: trap's unknown options,
# umask's range, getopts past the options and with a name that is no variable's, and
# `set -` turning -x and -v off.
trap 'echo trapped' USR1; trap -1 USR1; echo "trap status $?"; trap -x USR1; echo "status $?"
trap -p USR1
umask 0022; umask 1234567; echo "umask status $?"; umask; umask 7777; echo "status $?"; umask
umask 778; echo "status $?"; umask 0022
getopts "c:" opt -c10; echo "OPTIND=$OPTIND opt=$opt OPTARG=$OPTARG"
getopts "c:" opt -c10; echo "status $? OPTIND=$OPTIND opt=$opt OPTARG=${OPTARG-unset}"
OPTIND=1; set -- -c foo -h
getopts 'hc:' opt-; echo "status=$? OPTARG=$OPTARG OPTIND=$OPTIND"
getopts 'hc:' 1x; echo "status=$? OPTIND=$OPTIND"
set -xv 2>/dev/null; set - a b c 2>/dev/null; echo "$@ [$-]"
