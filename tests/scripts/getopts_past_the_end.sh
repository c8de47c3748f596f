# OPTIND left past the end of new arguments stops right after them, as bash's getopts.
set -- -h -c foo x y z
while getopts "hc:" opt; do echo "-$opt"; done
echo "OPTIND=$OPTIND"
set --
while getopts "hc:" opt; do echo "-$opt"; done
echo "OPTIND=$OPTIND"
set -- -c -d -e foo
OPTIND=1
while getopts "cde:" opt; do echo "-$opt"; done
echo "OPTIND=$OPTIND"
set -- -f
while getopts "f:" opt; do echo "_$opt"; done 2>/dev/null
echo "OPTIND=$OPTIND"
