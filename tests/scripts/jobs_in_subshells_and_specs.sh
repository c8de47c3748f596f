# Job control as bash: a subshell has no jobs to move (`$(fg)`: no current jobs) but
# `$(jobs)` lists its parent's, `( jobs )` lists none; a job started without job control
# cannot be moved; `%N` as a command is `fg %N`; `%?text` names a job by what its command
# holds; `jobs` lists the jobs named, in order; `bg` of a running job says so. And `$?`
# in a case clause is the status from before the case.
err=$(mktemp)
report() { sed 's/^.*line [0-9]*: //' "$err"; }
set +m
sleep 2 &
set -m
fg %1 2>"$err"; echo "fg: $?"; report
bg 2>"$err"; echo "bg: $?"; report
kill %1; wait
sleep 3 &
sleep 4 &
echo "$(jobs)"
echo "[$(fg %% 2>&1)]" | sed 's/^\[.*line [0-9]*: /[/'
( jobs; echo in )
jobs %2 %4 2>"$err"; echo "jobs: $?"; report
jobs %2 %1
jobs -p %2 | grep -c .
jobs -r | wc -l
bg %1 2>"$err"; echo "bg: $?"; report
fg -s 2>"$err"; echo "fg: $?"; report
bg -s 2>"$err"; echo "bg: $?"; report
kill %1 %2; wait
sleep 1 &
%1
sleep 1 &
fg %?lee
rm -f "$err"
(exit 5); case x in x) echo "case sees $?";; esac
(exit 5); case x in y) ;; esac; echo "no match: $?"
(exit 5); case x in x) ;& y) echo "fell through: $?";; esac
