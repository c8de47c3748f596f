# What `declare -n` refuses to stand for, and lists given to namerefs.
ref=1
typeset -n ref
echo "status $?"
declare -p ref
typeset -n r2='@'
echo "status $?"
declare -p r2
typeset -n r3='a b'
echo "status $?"
typeset -n r4='a[1]'
echo "status $?"
declare -p r4
typeset -n r6=1x
echo "status $?"
typeset -n r7='a[@]'
echo "status $?"
typeset -n self=self
echo "status $?"
declare -p self
typeset -n empty=''
echo "status $?"
typeset -n bare='a[]'
echo "status $?"
f() { typeset -n inner=target; echo "in function $?"; }
f

# A nameref to nothing given a list becomes an array; one to an element refuses it.
typeset -n to_nothing
to_nothing=(x y)
declare -p to_nothing
typeset -n to_element='b[1]'
to_element=(p q); echo "not reached"
echo "status $?"
declare -p b

# Through a nameref to an element: no subscripts of its own.
array=(X Y Z)
typeset -n first='array[0]'
first[0]=foo; echo "not reached"
echo "status $?"
echo "${array[@]}"
echo "[${first[@]}] ${#first[@]} [$first] [${first[0]}] ${!first}"

# A nameref to all the elements.
typeset -n all='c[@]' star='c[*]'
c=('A B' C)
echo "$all"
IFS=:
echo "$star"
IFS=' '
all=(X Y Z)
echo "status $?"
printf '<%s>' "${all[@]}" "$all" "${c[@]}"
echo
