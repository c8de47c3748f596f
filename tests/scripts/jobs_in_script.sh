sleep 0.3 &
jobs
wait
echo done
