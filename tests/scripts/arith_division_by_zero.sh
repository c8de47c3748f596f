echo before
x=$((1 / 0))
echo "after $?"
