# Not taken, "${a[@]+x}" and "${@:+x}" are "${a[@]}" and "$@": no word when empty.
n() { echo "$# words"; }
e=(); set --
n "${e[@]+plus}" "${e[@]:+plus}" "${e[*]+plus}" "${e[*]:+p}"
n "${@+x}" "${@:+x}" "${*+x}" "${*:+x}"
n "${e[@]#x}" "${e[@]/x/y}" "${e[@]:0}" "${e[@]-}"
a1=(''); n "${a1[@]:+p}" "${a1[@]+p}"
a2=('' x); n "${a2[@]+p}" "${a2[@]:+p}"
set -- a b; n "${@+x}" "${@:+y}"
unset u; n "${u[@]+x}" "${u+x}"
# An array's every element cannot be assigned a default: the line is dropped.
echo "${e[@]:=}" next; echo not here
: ${e[*]:=x}; echo not here
# `${!#...}` is an indirection of `$#`, or a bad substitution.
x=xx; xx=1; a=(asdf x)
eval 'echo ${!#x}'; echo "status $?"
eval 'echo ${!#a[@]}'; echo "status $?"
set -- one two
echo "${!#}" "${!##}"
