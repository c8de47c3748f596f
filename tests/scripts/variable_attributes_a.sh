# ${x@a} shows attributes, ${x@Q} quotes, ${x@E} expands escapes, ${x@U} upper-cases.
declare -ri num=5
declare -a arr=(1 2)
declare -A map=([k]=v)
declare -x exp=1
s=$'a\tb'
echo "${num@a} ${arr@a} ${map@a} ${exp@a} ${s@a}"
echo "${s@Q}"
e='x\ty'
echo "${e@E}"
w="mixed Case"
echo "${w@U} ${w@L} ${w@u}"
echo "${arr[@]@Q}"
