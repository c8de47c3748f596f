# trap catches signals sent with kill (after the running command ends), ignores them
# with an empty command, and lists them by their SIG names; DEBUG and RETURN traps
trap 'echo "caught USR1"' USR1
trap 'echo "caught TERM"' 15
trap -p
kill -USR1 $$
echo "after USR1"
(sleep 0.1; kill -TERM $$) &
wait
echo "wait ended with $?"
trap '' HUP
kill -HUP $$
echo "HUP ignored"
trap - USR1 TERM HUP
trap
sh -c 'kill $$; echo not here'
echo "child shell ended with $?"
sh -c 'trap "echo child caught" INT; kill -INT $$; echo child goes on'
kill -l 15 USR2 0 137
kill -l 99 || echo "status $?"
counter=0
trap 'counter=$((counter + 1))' DEBUG
echo one
echo two
trap - DEBUG
echo "DEBUG ran $counter times"
f() {
  trap 'echo "f returns"' RETURN
  return 3
}
f
trap - RETURN
g() { :; }
g
echo "g returned $?"
kill $$
echo "not reached"
