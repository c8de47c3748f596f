# $? inside if, while and after && ||.
if false; then :; else echo "else sees $?"; fi
false; if true; then echo "then sees $?"; fi
false || echo "after || sees $?"
true && (exit 4) || echo "second status $?"
while false; do :; done; echo "after loop $?"
