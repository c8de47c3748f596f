# History expansion of a script read from standard input: each command is expanded as
# it is read; a line `read` takes is data, not expanded.
set -o history
set -H
echo one
!!
read x
!! is data for read
echo "$x"
!e
history
