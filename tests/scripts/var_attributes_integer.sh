# Integer variables and += on them
declare -i total=0
for n in 5 10 15; do total+=n; done
echo $total
declare -i calc="2 * 3 + 1"
echo $calc
total=total*2
echo $total
