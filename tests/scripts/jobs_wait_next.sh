# wait -n: the next job to end, its status; 127 with none left or a bad operand.
sleep 0.3 & sleep 0.1 & wait -n; echo "first: $?"
(exit 3) & wait -n; echo "status: $?"
wait -n; echo "then: $?"
wait -n; echo "none: $?"
sleep 0.1 & p=$!; (exit 4) & wait -n $p; echo "pid: $?"
wait -n %9; echo "bad: $?"
wait; echo "all: $?"
