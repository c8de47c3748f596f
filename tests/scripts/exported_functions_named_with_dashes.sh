# An exported function may have any name without a slash (`foo-a`, `a.b`); one with a
# slash, or not a name in POSIX mode, is refused when a shell starts.
foo-a() { echo "foo-a runs in the child"; }
export -f foo-a
bash -c foo-a
a.b() { echo "a.b too"; }
export -f a.b
bash -c 'a.b'
env 'BASH_FUNC_x/y%%=() { echo slash; }' bash -c 'type x/y > /dev/null 2>&1 || echo "x/y was not taken"' 2> /dev/null
POSIXLY_CORRECT=1 bash -c 'type foo-a > /dev/null 2>&1 || echo "foo-a was not taken in POSIX mode"' 2> /dev/null
bash -c 'echo "refused: $#"' 2>&1 | grep -c refused
POSIXLY_CORRECT=1 bash -c ':' 2>&1 | grep -c "error importing function definition"
