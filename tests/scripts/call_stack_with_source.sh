# FUNCNAME, BASH_SOURCE and BASH_LINENO count a sourced file as a frame named source,
# in the order functions and files were entered, as bash does. (The script's own
# directory is left out of what is shown.)
printf 'echo "FN=${FUNCNAME[*]} BS=${BASH_SOURCE[*]##*/} BL=${BASH_LINENO[*]}"\ng() { echo "g: FN=${FUNCNAME[*]} BS=${BASH_SOURCE[*]##*/} BL=${BASH_LINENO[*]}"; caller 0 | sed "s|/.*/||"; caller 1 | sed "s|/.*/||"; }\ng\n' > stack.src
f() {
  . ./stack.src
}
f
. ./stack.src
echo "top FN=${FUNCNAME[*]} BS=${BASH_SOURCE[*]##*/}"
printf 'bad_command_in_source() { ( exit 3 ); echo "in sourced function: ${BASH_SOURCE[0]} $LINENO"; }\n' > def.src
. ./def.src
bad_command_in_source
