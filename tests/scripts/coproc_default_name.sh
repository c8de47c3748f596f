# Without a name a coprocess is COPROC; its status is waited for like a job's.
coproc cat
pid=$COPROC_PID
echo "ping" >&"${COPROC[1]}"
read -r reply <&"${COPROC[0]}"
echo "reply: $reply"
exec {COPROC[1]}>&-
wait "$pid"
echo "cat ended: $?"
coproc { read -r x; echo "got $x"; read -r x; exit 7; }
pid=$COPROC_PID in=${COPROC[1]} out=${COPROC[0]}
echo hello >&"$in"
read -r answer <&"$out"
echo "$answer"
exec {in}>&-
wait "$pid"
echo "status: $?"
