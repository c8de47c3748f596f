# Each stage of a pipeline runs in a subshell: builtins there change nothing after.
x=before
echo hi | read x
echo "[$x]"
echo a | exit 3
echo "after exit in a pipeline: $?"
cd / | cat
cd -- /tmp && pwd
