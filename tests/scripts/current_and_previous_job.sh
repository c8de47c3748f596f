# The current (+) and previous (-) job, as bash chooses them: a job that stops becomes
# current, one started after it does not take its place, bg shows the mark and chooses
# again once its job runs.
set -m
sleep 300 &
sleep 301 &
sleep 302 &
jobs
kill -STOP %2
sleep 0.5
jobs
jobs %+
sleep 303 &
jobs
kill -CONT %2
sleep 0.5
jobs
kill -STOP %3
sleep 0.5
bg %3
jobs %-
kill %1 %2 %3 %4
wait 2>/dev/null
disown -a
# Under `set -m`, `-c` text tells of each background job that ended once a command it
# waited for is done; a script is told of none, and `jobs` lists them once.
bash -c 'set -m; true & sleep 0.3; echo after sleep; (exit 3) & wait; echo after wait' 2>&1
(exit 4) & sleep 0.3; echo "no notice in a script"
jobs
jobs
