# unset of variables, functions and elements
v=1
f() { echo function; }
unset v
echo "${v-gone}"
unset -f f
f 2>/dev/null || echo "function gone"
g() { echo g; }
unset g
g 2>/dev/null || echo "unset without -v falls back to the function"
a=(1 2 3)
unset 'a[0]'
echo "${a[@]}"
unset -v a
echo "${#a[@]}"
