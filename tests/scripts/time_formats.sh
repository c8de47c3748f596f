# TIMEFORMAT changes what time prints; output goes to stderr.
TIMEFORMAT='elapsed %R'
{ time sleep 0.01 ; } 2> t.txt
sed 's/[0-9.]*$/N/' t.txt
TIMEFORMAT='%3lR'
{ time true; } 2>&1 | sed 's/[0-9]/N/g'
