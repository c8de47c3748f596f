# `disown -h` keeps jobs in the table (only sparing them a hangup); `disown` without it
# takes them out. Its usage names -h, as bash's does.
sleep 5 & p1=$!
sleep 5 & p2=$!
disown -h %2; echo "status $?"
jobs
disown -x; echo "status $?"
disown -h; echo "status $?"
jobs
disown -a; jobs; echo "status $?"
kill $p1 $p2
