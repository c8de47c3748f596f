sleep 5 &
kill -TERM $!; wait $!; echo $?
sleep 5 &
kill -s HUP $!; wait $!; echo $?
kill -l 15
kill -l TERM
