# An operator inside an array's parentheses is a syntax error bash recovers from: the
# rest of the line is dropped, the status is 1, and the next line runs.
x=()
test=(first & second)
echo "after & $?"
a=(1 ; 2); echo "not reached"
echo "after ; $? ${a[*]-unset}"
b=(x | y) c=1; echo "not reached $c"
echo "c is ${c-unset}"
f() { a=(1 & 2); echo in; }; echo "not defined"
declare -F f || echo "no f"
eval "a=(1 & 2); echo x
echo 'eval goes on'"; echo "eval $?"
printf 'b=(1 | 2)\necho in-source\n' > sourced; source ./sourced; echo "source $?"
f() {
  a=(1 & 2)
  echo "in the body"
}
echo "not reached either"
