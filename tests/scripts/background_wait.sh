sleep 0.1 &
p=$!
echo started
wait $p
echo waited $?
(exit 4) &
wait $!
echo status $?
