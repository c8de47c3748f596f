# `set -o history` in a script: the history file is read (nothing was added yet), then
# each line read is recorded: comments too, a command over several lines joined with `;`
# where bash's reader puts one, HISTCONTROL and HISTIGNORE applied; `history -a` writes
# entries as they are, and `history -d` names the bound out of range.
printf '%s\n' 'echo from file' 'printf "a\nb"' > histfile
HISTFILE=$PWD/histfile
set -o history
echo one
# a comment
  echo spaced

for i in 1 2
do
  echo $i
done
echo two; echo three
f() {
  echo f
}
HISTCONTROL=ignoreboth
 echo hidden
echo dup
echo dup
HISTIGNORE='ls*:&'
ls >/dev/null
echo 'a\b' "\$x"
history
history -a
cat histfile
history -d 2-99
history -d 99-100
history -d 1-0x
set +o history
echo not recorded
history | tail -2
