PS1='[\! \#] '
echo "${PS1@P}"
echo b; echo "${PS1@P}"
for i in 1 2; do
  echo "$i ${PS1@P}"
done
set -x
PS4='+\# \! '
true
set +x
