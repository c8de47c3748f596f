# declare -f and type print a function's body in bash's own layout, whatever the
# source looked like; eval of that text gives the function back.
greet() { echo "hello, $1"; }
tidy() {
  local n=0 list="a b"
  if [ -n "$1" ]; then echo one; elif [ -z "$2" ]; then echo two; else echo three; fi
  while read -r line; do n=$((n + 1)); done < /dev/null
  until [ $n -ge 2 ]; do n=$((n+1)); done
  for w in $list "c d"; do printf '%s\n' "$w"; done
  for a; do :; done
  for ((i = 0; i < 2; i++)); do echo $i; done
  case $1 in a|b) echo ab;; c) echo c;& d) ;; *) echo other; esac
  { echo g1; echo g2; } > /dev/null
  ( cd / && pwd; exit 0 )
  (( n += 1 )); ((n--))
  [[ -n $n && $n == [0-9]* ]] || [[ ! -e /nowhere ]]
  ! true | cat | wc -l
  x=$(echo a) y=`echo b` echo "${x:-d}" ${#y} $((1 + 2)) >&2 2>/dev/null
  echo a >> /dev/null 2>&1; echo b &> /dev/null; cat < /dev/null
  sleep 0 & wait
  echo one && echo two || echo three
  cat <<END
body $n
END
  cat <<'RAW'
raw $n
RAW
  inner() { echo inner; }
  echo done
}
function keyword { echo kw; }
subshell_body() ( echo in a subshell )
redirected() { echo quiet; } > /dev/null
declare -f greet
type tidy
declare -f keyword subshell_body redirected
declare -F
declare -f greet nosuch; echo "status $?"
eval "$(declare -f greet | sed 's/greet/welcome/')"
welcome world
type -t welcome
