# A count that is not a number is fatal, as in bash.
x=oops
while true; do echo "once"; break $x; done
echo "never printed"
