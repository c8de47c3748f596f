(sleep 0.05; exit 3) &
wait $!
echo "status $?"
wait
echo "wait all $?"
