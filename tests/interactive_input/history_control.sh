# What commands read interactively leave in the history: joined lines (cmdhist), line
# breaks kept (lithist), HISTCONTROL and HISTIGNORE, `set +o history`.
echo one
 echo spaced
echo one
echo one
for i in 1 2
do
  echo $i
done
if true; then
  echo yes
else
  echo no
fi
f() {
  echo f
}
case x in
  x) echo x ;;
  *) echo other ;;
esac
while false
do :; done
echo a &&
  echo b
ls /nonexistent_dir_zz 2>/dev/null |
  cat
history
HISTCONTROL=ignoreboth
 echo hidden
echo dup
echo dup
HISTIGNORE='ls*:&'
ls / >/dev/null
echo after
echo after
history | tail -5
HISTCONTROL=erasedups
HISTIGNORE=
echo one
set +o history
echo unrecorded
set -o history
shopt -s lithist
for i in 1
do echo $i; done
shopt -u cmdhist
for i in 2
do echo $i; done
history | tail -8
