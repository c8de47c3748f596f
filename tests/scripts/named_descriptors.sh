# {NAME} redirections: the shell picks a descriptor from 10 up and stores it in NAME.
echo potato > input
if :; then echo one; fi {abc}<input; cat <&$abc
[ "$abc" -ge 10 ] && echo "abc is 10 or more"
{ echo; } {w}<<< walrus
cat <&$w
while read -r -u ${fd}; do echo "read: $REPLY"; done {fd}<input
( cat <&$fd ) {fd2}<input
: {x}<input; echo "x stays open: $(cat <&$x)"
exec {x}<&-
cat <&$x 2>/dev/null || echo "x closed"
f() { echo "in f"; }
f {y}>&1; echo "y open after f" >&$y
# A NAME that holds no number is left alone; an empty one is an error.
v=abc; exec {v}>&-; echo "abc status $?"
v=; exec {v}>&- 2>&1 | sed 's/^.*line [0-9]*: //'; echo "empty status ${PIPESTATUS[0]}"
# A read-only NAME: the file is opened, then the command fails.
readonly ro=5; exec {ro}>newfile 2>&1 | sed 's/^.*line [0-9]*: //'; echo "ro status ${PIPESTATUS[0]}"; ls newfile
# The descriptor's word as written names a bad one.
v=42; echo x 2>&1 >&$v | sed 's/^.*line [0-9]*: //'
# Printed as bash prints them.
g() { exec {v}>>$T; cat {x}<in; echo {a} >out; echo a {b}>&- c; echo {c}<<<str; exec {z}<&-; cat 4<&- <&-; }
type g
