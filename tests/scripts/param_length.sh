s="hello world"
echo ${#s}
e=
echo ${#e}
set -- a b c d
echo ${#@} ${#*}
