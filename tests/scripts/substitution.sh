n=$(seq 5 | wc -l)
echo "lines: $n"
echo "inline $(echo one) and `echo two`"
for word in $(printf 'a b\nc\n'); do echo "<$word>"; done
echo "$(printf 'x\n\n\n')|"
quiet=$(false); echo "status $?"
echo $(echo "nested $(echo deeper)")
upper=$(echo shout | tr a-z A-Z)
echo "$upper"
count() { echo $#; }
echo "count: $(count a b c)"
