sleep 5 &
kill %1
wait %1
echo "status $?"
sleep 5 &
kill -9 $!
wait $!
echo "status $?"
