# Under `set -o history` and `set -H`, each line of a script is history-expanded as it
# is read: the expanded line is shown on stderr, recorded and run; an event not found
# drops the line. Inside double quotes the quote ends an event's name.
set -o history
set -H
echo first
!!
!e
x=value
echo "!x"
echo "!nosuch" after
echo '!e' stays
history
echo $'it\'s here!' and !e
