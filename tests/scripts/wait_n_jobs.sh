# wait -n waits for the next job to end; wait PID returns its status.
( sleep 0.3; exit 3 ) &
p1=$!
( exit 5 ) &
p2=$!
wait -n
echo "first done: $?"
wait $p1
echo "p1: $?"
wait $p2 2>/dev/null
echo "p2 again: $?"
sleep 0.1 &
disown
jobs | wc -l
