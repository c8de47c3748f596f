# A declaration's value in parentheses, given to an array (by -a, -A or an array already
# there), is read again as a compound assignment; given to a string it stays text.
declare -a 'x=(1 2)'
declare -p x
f() { readonly -a 'd=(4)'; local -a 'l=(a "b c")'; declare -p l; }
f
declare -p d
declare 'y=(1 2)'
declare -p y
declare -A 'm=([a]=1)'
declare -p m
z=(5)
declare 'z=(6 7)'
declare -p z
v='(8 9)'
declare -a w=$v
declare -p w
HOMEISH=/h
declare -a 'e=($HOMEISH "two words")'
declare -p e
declare -a 'p+=(x)'
declare -p p
declare -a p+='(y)'
declare -p p
# export and readonly read it so only with -a.
x2=(1); export 'x2=(2 3)'; declare -p x2
y2=(1); readonly 'y2=(2 3)'; declare -p y2
g() { local -a 'l=(1 2)'; l2=(0); local 'l2=(5 6)'; declare -p l l2; }
g
z2=(1); readonly -a 'z2=(7 8)'; declare -p z2
w2=(1); export -a 'w2=(7 8)'; declare -p w2
