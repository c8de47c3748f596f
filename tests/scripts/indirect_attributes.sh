# ${!r@a}: the attributes of the variable $r names.
a=(1 2 3); r=a; echo "${!r@a}"; r='a[0]'; echo "${!r@a}"
declare -A d=([0]=foo); r=d; echo "${!r@a}"; r='d[0]'; echo "${!r@a}"
declare -A A2=(["x"]=y); echo "x=${!A2[@]@a}" "invalid=${!A2@a}"
declare -A ref=(['dummy']=v1); v1=value; a3=(1 2 3)
echo "[${!ref[@]@a}]"; ref[dummy]='a3[@]'; echo "${!ref[@]@a}"; ref[dummy]=a3; echo "${!ref[@]@Q}"
declare -i n=3; r=n; echo "${!r@a}"
