# PIPESTATUS and $_
true | false | true
echo "${PIPESTATUS[@]}"
false
echo "${PIPESTATUS[0]}"
echo one two three > /dev/null
echo "last argument was $_"
ls /no/such 2>/dev/null | cat
echo "${PIPESTATUS[*]}"
