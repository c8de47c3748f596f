# A command dispatcher written with case.
dispatch() {
  case $1 in
    start|run) echo "starting ${2:-default}" ;;
    stop) echo "stopping" ;;
    status) echo "status ok"; return 0 ;;
    -h|--help) echo "usage: dispatch start|stop|status" ;;
    *) echo "unknown: $1" >&2; return 2 ;;
  esac
}
for c in start "run web" stop status --help bogus; do
  dispatch $c 2>/dev/null; echo "-> $?"
done
