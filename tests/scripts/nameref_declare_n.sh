# declare -n / local -n: a variable that stands for another
set_element() {
  local -n target=$1
  target[$2]=$3
}
show_element() {
  local -n source=$1
  echo "${source[$2]}"
}
list=(a b c)
set_element list 1 B
echo "${list[@]}"
declare -A map=([k]=v)
show_element map k
x=old
declare -n ref=x
ref=new
echo "$x ${!ref}"
declare -p ref
typeset +n ref
echo "ref now: $ref"
counter=0
bump() { local -n c=$1; (( c++ )); }
bump counter; bump counter
echo "counter=$counter"
declare -n r2=x
unset r2
echo "x is ${x-unset}"
declare -n r3=y
unset -n r3
y=still
echo "y=$y r3=${r3-unset}"
