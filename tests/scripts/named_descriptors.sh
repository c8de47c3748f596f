# {NAME}>file: the shell picks a free descriptor from 10 up and puts its number in NAME.
exec {out}> named.txt
[ "$out" -ge 10 ] && echo "a descriptor of 10 or more"
echo first >& $out
echo second >&$out
cat named.txt
exec {out}>&-
exec {in}< named.txt
read -u $in line; echo "read: $line"
read -u $in line; echo "read: $line"
exec {in}<&-
exec {text}<<<"a here string"
cat <&$text
echo {b} > plain.txt; cat plain.txt
echo done {x} >> plain.txt; cat plain.txt
for i in 1 2; do echo "loop $i"; continue 1 2; echo never; done
echo "the line after: $?"
while break; do echo never; done; echo "while break: $?"
for i in 1 2; do ( if true; then continue; fi; echo "subshell $i goes on" ); done
for - in a b; do echo never; done; echo "bad name: $?"
bash -c 'return; echo "return at the top: $?"'
f() { (return 3); echo "return in a subshell of a function: $?"; }
f
