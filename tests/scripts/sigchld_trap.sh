# The SIGCHLD trap runs as each child ends: a program run in the foreground, each
# background job while `wait` waits (which goes on waiting); the children of the trap's
# own commands do not set it off again, as in bash.
trap 'echo "child ended"' CHLD
/bin/true
echo after true
sleep 0.3 & sleep 0.1 &
wait
echo "waited $?"
trap 'echo "ended: $(echo inner)"' CHLD
/bin/true
echo done
trap - CHLD
/bin/true
echo no trap
