# In POSIX mode a special builtin's usage error, or `.` of a file it cannot read, ends a
# non-interactive shell, where `set -e` would end it; so does a function named with
# anything but a name. Outside POSIX mode the shell goes on.
for commands in 'set -Q' 'export -Q' 'trap -Q' 'eval -Q' 'exec -Q' 'return' \
  '. ./no-such-file' 'f-x() { :; }' 'set -Q || echo handled' 'if set -Q; then :; fi' \
  'set -Q | cat' '(set -Q); echo "subshell: $?"' 'command set -Q' 'read -Q' \
  'shift 5' 'trap "" BAD' 'eval "(exit 2)"' '{ set -Q; echo inside; }'; do
  bash -o posix -c "$commands; echo \"went on: \$?\"" 2> /dev/null
  echo "posix: $commands => $?"
  bash -c "$commands; echo \"went on: \$?\"" 2> /dev/null
  echo "default: $commands => $?"
done
