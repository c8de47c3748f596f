# Loop conditions may be any list; the last command decides.
i=0
while echo -n "check$i "; (( i < 2 )); do (( i++ )); done; echo
until [ $i -le 0 ]; do echo -n "$i "; i=$((i - 1)); done; echo
n=0; while (( n++ < 3 )); do :; done; echo "n=$n"
while false; do echo never; done; echo "status $?"
