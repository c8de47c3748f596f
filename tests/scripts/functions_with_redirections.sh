# A function's definition may carry redirections applied at each call.
log() { echo "logged: $*"; } >> log.txt
log first
log second
cat log.txt
quiet() { echo "hidden"; echo "also hidden" >&2; } > /dev/null 2>&1
quiet; echo "quiet: $?"
