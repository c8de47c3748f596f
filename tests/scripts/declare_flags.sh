# declare and its attributes
declare -i n=2+3
echo $n
n+=10
echo $n
declare -a arr=(a b c)
declare -p arr
declare -r fixed=1
declare -p fixed
declare -x exported=yes
declare -p exported
declare plain
declare -p plain
echo "${plain-unset}"
typeset t=typed
echo $t
declare -p n
