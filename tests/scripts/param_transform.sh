# ${VAR@OP} transformations
s="it's here"
echo "${s@Q}"
t=$'tab\there'
echo "${t@Q}"
e='a\tb'
echo "${e@E}"
w="hello world"
echo "${w@U}" "${w@u}" "${w@L}"
declare -i num=5
echo "${num@a}"
arr=(x y)
echo "${arr@a}"
v=val
echo "${v@A}"
