# set -x shows each command as it runs, after expansion, with PS4.
exec 2>&1
x="a b"
set -x
echo $x "$x"
y=$((1 + 2))
test $y = 3 && echo yes
f() { echo in f; }
f arg
PS4='+[$LINENO] '
echo line
set +x
echo quiet
