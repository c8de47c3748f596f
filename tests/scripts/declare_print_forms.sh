# declare -p for every kind of variable
declare -i i=3
declare -a a=(1 "two")
declare -A m=([x]=1)
declare -r r=ro
declare -x x=ex
s="with \"quotes\""
declare -p i a m r x s
