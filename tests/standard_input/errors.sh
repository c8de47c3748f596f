# `exit` with two numbers drops the rest of its line; a syntax error ends the script
# with 2 after what came before it ran.
echo before
exit 1 2; echo never run
echo "after, status $?"
echo $(echo a; ( )
echo never run
