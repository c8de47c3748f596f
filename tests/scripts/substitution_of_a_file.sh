# $(< FILE) is the file's contents, as $(cat FILE) is, without a process; only a lone
# input redirection is read so.
seq 2 3 > f
x=$(< f); echo "[$x] $?"
y=`< f`; echo "[$y]"
z=$(<f ); echo "[$z]"
w=$(0< f); echo "[$w]"
v=$(< f 2>/dev/null); echo "[$v]"
echo "$(< nonexist)"; echo "status $?"
x=$(< nonexist); echo "status $?"
n=f; x=$(< $n); echo "[$x]"
x=$(< f; echo more); echo "[$x]"
printf 'a\0b\n\n\n' > g; x=$(< g); echo "[$x]"
mkdir d; x=$(< d); echo "status $? [$x]"
set -- "$(< f)"; echo "$# args"
