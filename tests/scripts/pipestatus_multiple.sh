# PIPESTATUS after pipelines of different lengths
false | true | false
echo "${PIPESTATUS[@]} ${#PIPESTATUS[@]}"
true
echo "${PIPESTATUS[@]}"
(exit 3) | (exit 4)
echo "${PIPESTATUS[1]}"
