# Assignment forms: +=, prefixes for one command, several on one line.
s=a; s+=b; s+=c; echo $s
n=1; n+=1; echo $n
declare -i m=1; m+=1; echo $m
a=(x); a+=(y z); echo "${a[*]}"
x=1 y=$x; echo "$y"
x=outer
x=inner sh -c 'echo "command sees $x"'
echo "shell keeps $x"
f() { echo "function sees $x"; }
x=temp f
echo "after: $x"
