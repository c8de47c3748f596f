# getopts over arguments, bundled flags and option arguments
parse() {
  local OPTIND opt
  while getopts ":ab:c" opt "$@"; do
    case $opt in
      a) echo "flag a" ;;
      b) echo "b with $OPTARG" ;;
      c) echo "flag c" ;;
      :) echo "missing argument for -$OPTARG" ;;
      \?) echo "unknown -$OPTARG" ;;
    esac
  done
  shift $((OPTIND - 1))
  echo "rest: $*"
}
parse -a -b value -c one two
parse -acb joined rest
parse -x -a -- -b notoption
parse -b
OPTIND=1
while getopts "n:v" o -n 5 -v; do echo "$o ${OPTARG-}"; done
echo "OPTIND=$OPTIND"
