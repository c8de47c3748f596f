# Negative indices count from the end; out of range reads are empty.
a=(a b c d)
echo "${a[-1]} ${a[-2]} ${a[@]: -2:1}"
a[-1]=D
echo "${a[*]}"
echo "[${a[10]}] [${a[-10]:-none}]" 2>/dev/null
unset 'a[-1]'
echo "${#a[@]} ${a[-1]}"
