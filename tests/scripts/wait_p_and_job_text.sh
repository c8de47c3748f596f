# wait -p VAR names the process waited for (with -n or ids); jobs shows a compound
# background command on one line, as bash prints it.
(sleep 0.3 ; exit 4) & { sleep 0.2; exit 3; } &
jobs
{ sleep 0.1 ; exit 5; } & b=$!
{ sleep 0.6 ; exit 6; } &
wait -p w -n %3 %4; echo "$? $([ "$w" = "$b" ] && echo same pid)"
wait -p v; echo "all: $? [$v]"
sleep 0.1 & c=$!
wait -p u $c; echo "$? $([ "$u" = "$c" ] && echo same pid)"
