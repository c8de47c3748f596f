# getopts parses options with and without arguments, and reports bad ones.
parse() {
  local OPTIND opt
  while getopts ":ab:c" opt "$@"; do
    case $opt in
      a) echo "flag a" ;;
      b) echo "b with $OPTARG" ;;
      c) echo "flag c" ;;
      :) echo "missing argument for -$OPTARG" ;;
      \?) echo "unknown option -$OPTARG" ;;
    esac
  done
  shift $((OPTIND - 1))
  echo "rest: $*"
}
parse -a -b value -c file1 file2
parse -ac -bvalue -- -notanoption
parse -x -b
