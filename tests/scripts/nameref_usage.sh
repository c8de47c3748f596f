# declare -n: a function that fills an array named by its caller.
fill() {
  local -n out=$1
  out=(alpha beta gamma)
}
fill result
echo "${result[1]} ${#result[@]}"
inc() { local -n counter=$1; (( counter++ )); }
c=5; inc c; inc c; echo "$c"
declare -n alias_of_c=c
alias_of_c=100
echo "$c ${!alias_of_c}"
