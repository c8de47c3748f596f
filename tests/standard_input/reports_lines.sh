# Messages name the shell and the line; a function's errors name `main`, its file.
echo "flags: $-"
f() {
  nosuch
  echo "${FUNCNAME[*]} / ${BASH_SOURCE[*]} / ${BASH_LINENO[*]}"
}
f
for i in 1 2; do
  read line
  echo "<$line>"
done
data one
data two
if true; then
  echo "line $LINENO"
fi
echo ${unset_variable?is not set}
echo never run
