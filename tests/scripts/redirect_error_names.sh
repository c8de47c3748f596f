# A redirection that fails names the file as expanded, unquoted, as bash does.
name='/nodir/a b'
{ cat < '/nodir/a b'; } 2>&1 | sed 's/^.*line [0-9]*: //'
{ echo > "$name"; } 2>&1 | sed 's/^.*line [0-9]*: //'
{ echo hi > "$name.d/x"; } 2>&1 | sed 's/^.*line [0-9]*: //'
touch existing
set -C
{ echo > existing; } 2>&1 | sed 's/^.*line [0-9]*: //'
{ var=$(< "$name"); } 2>&1 | sed 's/^.*line [0-9]*: //'
