# `\!` and `\#` decoded while a script runs: the history number is 1 until history is
# kept, then the running command's; the command number counts the lines read.
PS1='history \! command \#'
echo "${PS1@P}"
set -o history
history -c
echo "${PS1@P}"
echo "_${PS1@P}"
echo "${PS1@P}"; echo "${PS1@P}"
set +o history
echo "${PS1@P}"
