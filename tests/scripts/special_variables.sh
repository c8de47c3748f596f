# bash's computed variables and the null command.
: any words at all > /dev/null
echo "colon: $?"
r=$RANDOM
echo "random in range: $((r >= 0 && r < 32768))"
test -n "$PPID" && echo "ppid set"
echo "shlvl: ${SHLVL:+set}"
echo "seconds small: $((SECONDS < 5))"
test "$BASHPID" -gt 0 && echo "bashpid positive"
SECONDS_COPY=$SECONDS
echo "copy numeric: $((SECONDS_COPY + 0 >= 0))"
