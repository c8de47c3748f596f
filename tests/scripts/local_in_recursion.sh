# Each call of a recursive function has its own locals.
depth() {
  local level=$1
  if (( level < 3 )); then depth $((level + 1)); fi
  echo "leaving level $level"
}
depth 0
sum_to() { local n=$1; (( n == 0 )) && { echo 0; return; }; local rest; rest=$(sum_to $((n - 1))); echo $((n + rest)); }
sum_to 10
