# [ ] integer comparisons with signs, spaces and errors.
[ -5 -lt 3 ] && echo "negative less"
[ +7 -eq 7 ] && echo "plus sign"
[ " 4" -eq 4 ] && echo "leading space"
[ 1 -eq one ] 2>/dev/null; echo "not a number: $?"
[ 0 -ne 00 ] || echo "0 and 00 are equal"
[[ 1+1 -eq 2 ]] && echo "[[ evaluates arithmetic"
