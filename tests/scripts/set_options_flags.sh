# set -f, -C, -a, -u and their effect.
touch a.txt b.txt
set -f
echo *.txt
set +f
echo *.txt
set -C
echo first > c.txt
echo second > c.txt 2>/dev/null || echo "noclobber refused"
echo third >| c.txt
cat c.txt
set +C
set -a
auto=exported
bash -c 'echo "child sees ${auto-nothing}"' 2>/dev/null || sh -c 'echo "child sees ${auto-nothing}"'
set +a
set -u
( echo "$undefined_variable" ) 2>/dev/null || echo "unset variable is an error"
echo "${undefined_variable-default is fine}"
