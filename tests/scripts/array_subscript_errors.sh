# bash's array subscript rules: `unset a[@]` empties an indexed array, a scalar is not
# an array to unset an element of, a bad subscript in a literal costs its element only,
# `a[*]=x` ends the command line, `declare +a` does not destroy an array, and keys may
# hold quoted brackets.
report() { sed 's/^.*line [0-9]*: //'; }
unset c[*]; echo "unset of nothing: $?"
c=(1 2); unset c[@]; declare -p c
declare -A h=([*]=1 [a]=2); unset 'h[*]'; declare -p h
ps1=hello; unset ps1[2] 2>&1 | report; unset ps1[0]; echo "${ps1-unset}"
{ d=([]=abcde [1]="test test" [*]=last [-65]=negative [2]=ok); } 2>&1 | report
d=([]=abcde [1]="test test" [*]=last [-65]=negative [2]=ok) 2>/dev/null; declare -p d
e=(1 2); e=([-1]=x) 2>/dev/null; declare -p e
f=(1 2 3); f+=([-1]=x y); declare -p f
bash -c 'b[*]=aaa; echo not reached' 2>&1 | report
bash -c 'c[-2]=4; echo not reached' 2>&1 | report
g=(1); declare +a g 2>&1 | report; declare -p g
declare -A foo; foo=(["version[agent]"]=version.agent); declare -p foo
foo["x[1]"]=y; echo "${foo["x[1]"]}"
a=(x)y; declare -p a
declare -i n; n=(4*3)/2; echo $n
let m=(4*3)/2; echo $m
eval q=(2 3) r=(); declare -p q r
