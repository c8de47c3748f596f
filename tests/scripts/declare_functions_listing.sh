# declare -f prints function bodies; -F only the names.
greet() {
  local name=${1:-world}
  echo "hello $name"
}
twice() { "$@"; "$@"; }
declare -F | sed 's/declare -f //'
declare -f greet
type twice | tail -n +2
twice greet you
