# A builtin that writes into a pipe whose reader has gone ends its subshell as SIGPIPE
# ends bash's (status 141, silently); with SIGPIPE ignored it fails and goes on.
while :; do echo y; done | head -n 1
echo "statuses: ${PIPESTATUS[*]}"
(sleep 0.2; echo a; echo survived > survived.txt) | true
echo "statuses: ${PIPESTATUS[*]}"
cat survived.txt 2> /dev/null || echo "the subshell ended at the broken pipe"
f() { sleep 0.2; printf '%s\n' one two; echo survived > survived.txt; }
f | true
echo "function: ${PIPESTATUS[*]}"
cat survived.txt 2> /dev/null || echo "the function ended at the broken pipe"
(trap '' PIPE; sleep 0.2; echo a 2> /dev/null; echo "echo: $?" > ignored.txt) | true
echo "statuses: ${PIPESTATUS[*]}"
cat ignored.txt
