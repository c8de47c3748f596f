# caller, FUNCNAME, BASH_LINENO and BASH_SOURCE through nested calls and a sourced file
# (file names compared, not printed: the corpus runs from different places)
inner() {
  caller | sed "s| .*/| |"
  caller 0 | sed 's/ [^ ]*$//'
  caller 1 | sed 's/ [^ ]*$//'
  caller 2; echo "caller 2: $?"
  echo "lines: ${BASH_LINENO[*]} names: ${FUNCNAME[*]} sources: ${#BASH_SOURCE[@]}"
  [[ ${BASH_SOURCE[0]} == "$0" ]] && echo "defined in this script"
}
outer() {
  inner
}
outer
echo "top: ${BASH_LINENO[*]} ${#BASH_SOURCE[@]} ${FUNCNAME[*]-none}"
[[ ${BASH_SOURCE[0]} == "$0" ]] && echo "run, not sourced"
lib=$(mktemp)
cat > "$lib" <<'LIB'
[[ ${BASH_SOURCE[0]} != "$0" ]] && echo "sourced: ${#BASH_SOURCE[@]} files"
from_lib() { [[ ${BASH_SOURCE[0]} == "$lib" ]] && echo "from_lib is the library's"; }
LIB
source "$lib"
from_lib
rm -f "$lib"
caller 0; echo "caller 0 at the top: $?"
