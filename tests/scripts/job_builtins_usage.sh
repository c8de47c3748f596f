# wait's statuses for words that are no job and jobs that are gone; jobs -p shows one
# pid a job; a job a signal ended gives 128 + its number.
wait zzz
echo "wait word: $?"
wait %9
echo "wait missing job: $?"
sleep 0.2 &
sleep 0.2 | cat &
jobs -p | wc -l
wait
sleep 5 &
kill -HUP $!
wait $!
echo "hangup: $?"
