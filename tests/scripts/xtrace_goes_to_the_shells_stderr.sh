# set -x writes to the shell's stderr as it is where the command runs: a group's
# redirection catches it, the command's own does not, exec moves it.
exec 3>&2
{
  set -x
  echo a 2>/dev/null
  { echo b; } 2>group.txt
  x=1
  set +x
} 2>outer.txt
cat group.txt
sed 's/^+* //' outer.txt
bash -x -c 'echo traced' 2>&1
