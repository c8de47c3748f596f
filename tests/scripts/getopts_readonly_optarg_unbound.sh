# getopts unsets OPTARG on an error or at the end even when it is read-only (bash's
# unbind), and an option without an argument leaves OPTARG declared without a value.
set -- -a bb
readonly OPTARG
getopts :x x 2>&1 | sed 's/.*line [0-9]*: //'
getopts :x x
echo "OPTARG=${OPTARG-unset} x=$x"
getopts x x
echo "${OPTARG-unset} x=$x"
typeset -r RO=foo
typeset -n OPTARG=RO
getopts :x x
typeset -p RO
getopts x x
typeset -p RO
declare -p OPTARG 2>&1 | sed 's/.*line [0-9]*: //'
OPTARG=z; OPTIND=1
getopts a y -a
declare -p OPTARG
