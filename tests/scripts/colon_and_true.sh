# : does nothing and succeeds, but its arguments are expanded.
: ${x:=assigned}
echo "$x"
: > truncated.txt
echo "size $(wc -c < truncated.txt)"
false || : && echo "colon succeeds"
while :; do echo once; break; done
: $((n = 5 * 5))
echo "$n"
