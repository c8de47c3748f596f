# Functions defined inside functions exist once the outer one ran.
outer() {
  inner() { echo "inner defined by outer"; }
  echo "outer ran"
}
type inner >/dev/null 2>&1 || echo "inner not yet defined"
outer
inner
redefine() { echo first; }
redefine
redefine() { echo second; }
redefine
f() ( echo "subshell body"; x=changed )
x=orig; f; echo "$x"
