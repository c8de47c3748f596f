# Keyed elements of an array literal: [k]+=v appends to the element (bash 5.2 assigns
# in an associative array), subscripts may nest brackets and see earlier elements,
# and an unkeyed element follows the one before it.
hello=100
a=([hello]=1 [hello]+=2)
declare -p a
a+=([hello]+=:34 [hello]+=:56)
declare -p a
b=([0]=1+2+3 [b[0]]=10 [b[6]]=hello)
declare -p b
c=([100]=1 2 3 4 [5]=a b c d)
declare -p c
declare -A m
m=([k]=1 [k]+=2 [j]=x)
declare -p m
declare -a idx=(1 2 3)
eval 'declare -A idx=([a]=x)'
echo "status $?"
declare -p idx
s=world
declare -A s+=([a]=x)
declare -p s
