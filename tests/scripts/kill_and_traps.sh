# A trapped signal sent to the shell runs its handler.
trap 'echo "caught USR1"' USR1
kill -USR1 $$
echo "after signal"
trap 'echo "caught TERM"; exit 3' TERM
( sleep 5 ) &
kill $!
wait $! 2>/dev/null; echo "killed child: $?"
kill -l 9 15
kill -l TERM
