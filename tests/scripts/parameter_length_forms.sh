# ${#x} for strings, arrays and positional parameters.
s="hello world"
a=(one two three)
set -- p q
echo "${#s} ${#a} ${#a[@]} ${#a[2]} ${#} ${#@} ${#*}"
empty=
echo "${#empty} ${#unset_var}"
