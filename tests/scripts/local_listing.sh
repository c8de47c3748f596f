# local alone (or -p) lists the running function's own variables
outer=1
f() {
  local x=2 y
  declare -a list=(a b)
  local
  echo --
  local -p
}
f
