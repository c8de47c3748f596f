# Parsing long options by hand alongside getopts.
parse() {
  local verbose=0 name=""
  while (( $# )); do
    case $1 in
      -v|--verbose) verbose=1 ;;
      --name=*) name=${1#*=} ;;
      --name) shift; name=$1 ;;
      --) shift; break ;;
      -*) echo "bad option $1"; return 2 ;;
      *) break ;;
    esac
    shift
  done
  echo "verbose=$verbose name=$name rest=$*"
}
parse -v --name=x a b
parse --name y -- -c
parse --bogus; echo "status $?"
