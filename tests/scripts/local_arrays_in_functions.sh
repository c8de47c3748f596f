# Local arrays and associative arrays in functions.
f() {
  local -a list=(x y)
  local -A map=([k]=v)
  list+=(z)
  echo "${list[*]} ${map[k]}"
}
f
echo "outside: ${list[*]-none} ${map[k]-none}"
g() { local arr; arr=(1 2); echo "${#arr[@]}"; }
g
