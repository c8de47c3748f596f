# A coprocess that has ended leaves its descriptors closed and its variables unset, so
# the next one gets the same descriptors, as bash leaves them when it reaps one.
# (The coprocess waits for a last line, so that bash cannot reap it before it is read.)
coproc { read x; echo "got $x"; read x; }
pid=$COPROC_PID
echo "${COPROC[@]}"
echo hello >&"${COPROC[1]}"
read line <&"${COPROC[0]}"; echo "$line"
echo bye >&"${COPROC[1]}"
wait $pid; echo "wait $?"
echo "after: [${COPROC[@]}] [${COPROC_PID-unset}]"
echo x >&63; echo "write $?"
coproc REFLECT { cat -; }
rpid=$REFLECT_PID
echo "${REFLECT[@]}"
echo flop >&"${REFLECT[1]}"
read line <&"${REFLECT[0]}"; echo "$line"
kill $rpid; wait $rpid; echo "status $?"
echo "after: [${REFLECT[@]}] [${REFLECT_PID-unset}]"
