# unset's options and its errors.
a=1; f() { :; }
unset -v a; echo "${a-gone}"
unset -f f; declare -F f || echo "function gone"
unset -x 2>/dev/null; echo "bad option: $?"
unset -fv a 2>/dev/null; echo "both: $?"
unset -- nothing_here; echo "unset of nothing: $?"
unset 'bad name' 2>/dev/null; echo "invalid name: $?"
