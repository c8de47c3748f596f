# A syntax error inside `$(...)` is one of the command it is in: it ends a script with
# status 2. Inside backquotes, read only as they run, it does not.
echo before
echo "`if true`" backquoted, status $?
echo $(if true)
echo not reached
