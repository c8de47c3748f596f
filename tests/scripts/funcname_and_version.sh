# FUNCNAME, BASH_VERSION and case changes by pattern
outer() { echo "in ${FUNCNAME[0]}, called from ${FUNCNAME[1]}"; inner; }
inner() { echo "stack: ${FUNCNAME[*]}"; }
outer
echo "top: [${FUNCNAME[*]}]"
[ -n "$BASH_VERSION" ] && echo "bash-compatible ${BASH_VERSION%%.*}"
s="hello world"
echo "${s^^o}" "${s^^[lw]}" "${s^h}" "${s^x}"
U=ABCA
echo "${U,,A}" "${U,}"
readonly -a fixed=(1 2)
echo "${fixed[@]}"
