# getopts with a read-only NAME fails with status 2; a read-only OPTARG is left alone.
exec 2>/dev/null
readonly V
set -- -a -b -c x
getopts a V; echo "$? [$V] $OPTIND"
readonly OPTARG
getopts :a y; echo "$? $y $OPTIND"
getopts c: y; echo "$? $y $OPTIND"
getopts c: y; echo "$? $y $OPTIND"
