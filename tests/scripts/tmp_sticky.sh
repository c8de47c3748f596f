# /tmp is everyone's, with the sticky bit, as on Linux.
test -k /tmp && echo sticky
stat -c '%A' /tmp
test -w /tmp && echo writable
