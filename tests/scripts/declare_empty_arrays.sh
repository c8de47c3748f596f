# An array declared but never assigned shows no =(); one emptied shows =().
a=(); declare -a d; declare -A e; declare -A f=(); g=(1); unset "g[0]"
set | grep -E "^(a|d|e|f|g)="
declare -p a d e f g
echo "${a[@]@A}|${d[@]@A}|${e[@]@A}|${f[@]@A}|${g[@]@A}"
d+=(); declare -p d
l() { local -a l; declare -p l; l=(); declare -p l; }; l
declare -a h; h[0]=1; unset "h[0]"; declare -p h
declare x; echo "[${x@A}]"; declare -i y; echo "[${y@A}]"
declare -i n; echo ${n:=4+3}; declare -p n
declare -u U; U=; echo ${U:=foo}; declare -p U
printf '%s\n' $'\c\\' $'\c\\x' | od -An -tx1
echo $'\c[\c\\\c]\c^\c_\c?' | od -An -tx1
