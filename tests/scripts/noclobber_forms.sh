# set -C protects files from >, but not from >>, >| or /dev/null.
set -C
echo one > file
echo two > file 2>/dev/null || echo "refused: $?"
echo three >> file
echo four >| file2
echo five > /dev/null && echo "devices are fine"
cat file file2
set +C
echo six > file; cat file
