# In POSIX mode `.` and `source` look for a name without a slash in $PATH only, not in
# the working directory, and say "file not found" (which ends the shell).
echo 'echo "sourced $1"' > here.sh
bash -o posix -c '. here.sh one; echo "not reached"' 2> /dev/null
echo "posix, in the working directory: $?"
bash -o posix -c 'command . here.sh two; echo "command: $?"' 2> /dev/null
bash -o posix -c '. ./here.sh three; echo "with a slash: $?"'
bash -o posix -c 'PATH=.:$PATH; . here.sh four; echo "in PATH: $?"'
bash -c '. here.sh five; echo "not posix: $?"'
bash -o posix -c '. no-such-file' 2>&1 | sed 's/^.*line 1: //'
