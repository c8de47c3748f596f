# coproc runs a command with pipes to and from it; the shell writes to ${NAME[1]} and
# reads from ${NAME[0]}, and NAME_PID is its pid.
coproc UPPER { tr a-z A-Z; }
# bash forgets a coprocess once it has ended: what is needed after is kept first.
pid=$UPPER_PID out=${UPPER[0]}
echo "elements: ${#UPPER[@]}"
[ "${UPPER[0]}" != "${UPPER[1]}" ] && echo "two descriptors"
printf 'one\ntwo\n' >&"${UPPER[1]}"
exec {UPPER[1]}>&-
while read -r line; do echo "read: $line"; done <&"$out"
wait "$pid"
echo "status: $?"
