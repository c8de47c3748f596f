# Commands nested thousands deep, as bash's own parser accepts them (it stops near
# 5,000 parentheses): subshells, brace groups, if, while, and a function around them.
nest() { # OPEN INNER CLOSE N
  local open=$1 inner=$2 close=$3 n=$4 text= tail= i
  for ((i = 0; i < n; i++)); do text+=$open; tail+=$close; done
  printf '%s%s%s' "$text" "$inner" "$tail"
}
eval "$(nest '( ' 'echo subshells' ' )' 4000)"
eval "$(nest '{ ' 'echo braces;' ' }' 3000)"
eval "$(nest 'if true; then ' 'echo ifs;' ' fi;' 2000)"
eval "$(nest 'while true; do ' 'echo whiles; break 2000;' ' done;' 2000)"
eval "f() { $(nest '( ' 'echo in a function' ' )' 1000); }"
f
echo "$(eval "$(nest '( ' 'echo in a substitution' ' )' 1000)")"
eval "( $(nest '( ' 'echo unbalanced' ' )' 999)" 2>/dev/null
echo "unbalanced: $?"
eval "{ $(nest '{ ' 'echo missing brace;' ' }' 999)" 2>/dev/null
echo "missing brace: $?"
