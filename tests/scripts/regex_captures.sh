# Regular expressions with captures in a loop
for s in "key=value" "name = wasmix" "broken"; do
  if [[ $s =~ ^([a-z]+)[[:space:]]*=[[:space:]]*(.*)$ ]]; then
    echo "${BASH_REMATCH[1]} -> ${BASH_REMATCH[2]}"
  else
    echo "no match: $s"
  fi
done
