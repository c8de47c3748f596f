# Outside any function FUNCNAME is declared without a value and the other call-stack
# arrays are empty, as bash shows them.
declare -p FUNCNAME BASH_ARGC BASH_ARGV
echo "${#FUNCNAME[@]} ${FUNCNAME-unset}"
[[ -v FUNCNAME ]]; echo $?
f() { declare -p FUNCNAME; echo "${#BASH_SOURCE[@]} ${#BASH_LINENO[@]}"; }
f
declare -p FUNCNAME
