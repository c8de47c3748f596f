# The history of a script read from standard input a command at a time: a comment read
# alone, a command over several lines, and a line `read` takes, which is not recorded.
set -o history
# a comment read alone
if true
then
  echo yes
fi
read line
this line is read, not run or recorded
echo "read: $line"
HISTIGNORE='echo*'
echo ignored

history
