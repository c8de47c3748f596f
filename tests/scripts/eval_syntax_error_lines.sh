# Syntax errors in `eval`'s text and at the end of a `-c` string: bash's prefix and the
# line it counts (a text that ends with a backslash ends a line further on).
for text in 'if true' 'if true; then echo \' 'eval "if true"' 'eval "if true; then echo \\"' \
  'eval "if true
"' 'eval "if true; then echo \\
"' 'eval "echo \"a"' 'echo
eval "echo (a)>"' 'eval "f() {"'; do
  bash -c "$text" 2>&1
  echo "status $?"
done
# The name is $0.
bash -c 'if' myname 2>&1
bash -c 'cat <<E' other 2>&1
