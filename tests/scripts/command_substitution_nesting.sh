# Nested and quoted command substitutions
echo "$(echo "inner $(echo "deepest")")"
x=$(printf "%s" "$(echo a; echo b)")
echo "$x"
echo `echo back \`echo quoted\``
n=$(( $(echo 3) + $(echo 4) ))
echo $n
