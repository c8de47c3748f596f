# if/elif/else with commands, tests and arithmetic as conditions.
classify() {
  if (( $1 < 0 )); then echo negative
  elif (( $1 == 0 )); then echo zero
  elif [ "$1" -lt 10 ]; then echo small
  else echo large
  fi
}
for n in -5 0 7 42; do echo "$n: $(classify $n)"; done
if grep -q x <<< "text"; then echo "found x"; fi
if ! false; then echo "negated"; fi
if true; false; then echo no; else echo "last command decides"; fi
