# readonly: assignments fail, unset fails
readonly r=1
echo "$r"
unset r
echo "unset status: $?"
readonly -p | grep -c ' r='
declare -r q=2
( q=3; echo "not reached" )
echo "subshell status: $?"
r=5
echo "not reached either"
