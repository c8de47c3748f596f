# A backslash at the very end stands for itself in a -c string, and continues the line
# into nothing at the end of a script file (this one has no last newline). Inside
# backquotes a backslash-newline is gone before the command is read, even within its
# single quotes.
bash -c 'echo escape\'
echo `echo 'foo\
bar'`
echo "`echo 'foo\
bar'`"
qpath='\/tmp\/foo\/bar'
printf "%s\n" ${qpath//"`printf '%s' \\`"/}
echo last\