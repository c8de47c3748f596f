# An EXIT trap set in a function runs when the script ends
setup() { trap "echo cleanup from trap" EXIT; }
setup
echo "working"
exit 0
