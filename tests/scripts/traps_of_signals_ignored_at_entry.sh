# A non-interactive shell started with signals ignored lists them as traps of '' and
# keeps them ignored, whatever its trap commands say (POSIX, bash).
trap '' USR2 TERM
bash -c 'trap; trap "echo caught" USR2; trap -p USR2; trap - USR2; trap -p; echo "status $?"
kill -USR2 $$; echo "still here"'
bash -c '(trap -p)'
trap - USR2 TERM
bash -c 'trap -p; echo "nothing ignored"'
