# Background jobs run concurrently; wait without arguments waits for all.
for i in 3 1 2; do ( sleep 0.$i; echo "job $i" > "out$i" ) & done
wait
cat out1 out2 out3
sleep 0.1 &
pid=$!
kill -0 $pid && echo "still running"
wait $pid; echo "waited: $?"
