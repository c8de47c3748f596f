# Reproducers from the shell issue: a directory as stdin is opened, and reading it fails;
# a background job waited for prints before the script ends.
mkdir d
cat < d 2>/dev/null; echo "cat of a directory: $?"
wc -l < d 2>/dev/null; echo "wc of a directory: $?"
sleep 0.2 && echo "late, from the background" &
echo early
wait
