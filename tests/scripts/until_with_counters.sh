# until loops and a countdown with arithmetic.
n=5
until (( n == 0 )); do printf '%d ' $n; (( n-- )); done; echo
tries=0
until [ "$tries" -ge 3 ] || false; do tries=$((tries + 1)); done
echo "tries $tries"
