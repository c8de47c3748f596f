# ${VAR@OP} on arrays and declared variables, substring errors, and replacement in an
# empty value, as bash 5.2 does them.
report() { sed 's/^.*line [0-9]*: //'; }
declare -lr VAR1
declare -alr VAR3
echo "${VAR1[@]@a}" ${VAR1@a} ${VAR1@A} "${VAR3[@]@a}" ${VAR3@A} ${VAR3[@]@A}
a=(); declare -a b; declare -i n
echo "[${a[@]@a}]" "[${b[@]@a}]" "[${n[@]@a}]" "[${a@A}]" "[${a[@]@A}]"
declare -lx v=A; declare -p v; echo ${v@a}
a=(x "y z"); echo "${a[*]@K}"; printf "<%s>" "${a[*]@k}"; echo; printf "<%s>" ${a[@]@k}; echo
echo ${a@A}; echo ${a[1]@A}; echo ${a@K} ${a[1]@K}
declare -A h=([b c]="x y"); echo "${h[@]@K}"; printf "<%s>" "${h[@]@k}"; echo
x=s; echo ${x[@]@K}; set -- p "q r"; echo ${@@K}
c=([1]=one); bash -uc 'c=([1]=one); echo ${c@a} ${c@A}'
x=abc; n=-5
( echo ${x:1:-5} ) 2>&1 | report
( echo ${x:1:$n} ) 2>&1 | report
( echo ${x:a b} ) 2>&1 | report
( echo ${x:1/0} ) 2>&1 | report
( set a; echo ${@:1:$(($# - 2))} ) 2>&1 | report
var=; echo "${var/#/x}" "${var/*/x}" "${var//*/x}" "${var/%/y}" "[${var/x/y}]"
set --; echo "[${!9}]" "[${!9:-default}]"
