# Assignment forms
a=1; a+=2; echo $a
declare -i b=1; b+=2; echo $b
c=(1); c+=(2); echo "${c[@]}"
d=x; d[1]=y; echo "${d[@]}"
e=; e+=z; echo $e
