# String building tricks in pure shell.
line=$(printf '%*s' 10 ''); echo "[${line// /=}]"
s=abcdef; r=""; for (( i=${#s}-1; i>=0; i-- )); do r+=${s:i:1}; done; echo "$r"
word=banana; echo "${word//[^a]/}" | tr -d '\n' | wc -c
up=""; for c in h e y; do up+=${c^}; done; echo "$up"
