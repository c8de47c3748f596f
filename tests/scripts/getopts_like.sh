parse() {
  verbose=0; name=
  while [ $# -gt 0 ]; do
    case $1 in
      -v) verbose=1;;
      -n) name=$2; shift;;
      --) shift; break;;
      *) break;;
    esac
    shift
  done
  echo "verbose=$verbose name=$name rest=$*"
}
parse -v -n bob -- extra args
parse plain
