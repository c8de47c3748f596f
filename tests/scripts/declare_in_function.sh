# declare in a function is local unless -g
x=global
f() {
  declare x=inner
  declare -g y=made-global
  local z=local-z
  echo "in f: $x $y $z"
}
f
echo "after: $x $y ${z-unset}"
g() {
  local v=1
  local v
  echo "second local keeps: $v"
  local -i k=3*3
  echo "$k"
}
g
