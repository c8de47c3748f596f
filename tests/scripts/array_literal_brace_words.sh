# bash brace-expands each word of an array literal first: a `[k]=v` word that becomes
# several words is several plain elements, subscripts and all.
a=([k2]=-{a,b}-)
declare -p a
echo "${a["k2"]}"
b=([3]=x{1,2} [5]=y{1} c{d,e} [9]=z)
declare -p b
# An associative array's keyed words keep their braces.
declare -A c
c=([k2]=-{a,b}- [k3]=x)
declare -p c
