countdown() {
  case $1 in
    0) echo liftoff; return ;;
  esac
  echo $1
  case $1 in
    3) countdown 2 ;;
    2) countdown 1 ;;
    1) countdown 0 ;;
  esac
}
countdown 3
