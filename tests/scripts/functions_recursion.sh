# Recursive functions, return values through stdout and status.
fact() {
  if (( $1 <= 1 )); then echo 1; return; fi
  echo $(( $1 * $(fact $(( $1 - 1 ))) ))
}
fact 10
fib() { local n=$1; (( n < 2 )) && { echo $n; return; }; echo $(( $(fib $((n-1))) + $(fib $((n-2))) )); }
fib 12
is_even() { (( $1 % 2 == 0 )); }
for n in 3 4; do is_even $n && echo "$n even" || echo "$n odd"; done
