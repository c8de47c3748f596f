# Operators are text inside an assignment's subscript: a[5&3]=x is one word, as are
# a[1|2]=y and a[(1+2)*3]=z; export and readonly take no element.
a=()
a[5&3]=and
a[1|2]=or
a[(1+2)*3]=paren
eval 'a[2 + 2]=spaced'
declare -p a
export b[7]=8
echo "export status $?"
readonly c[7]=8
echo "readonly status $?"
echo "${#b[@]} ${#c[@]}"
