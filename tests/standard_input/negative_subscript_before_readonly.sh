# A negative index before an array's first element is reported before the array being
# read-only is, as bash checks them.
declare -r c[100]
c[-2]=4
echo "status $?"
declare -r d=(1 2)
d[-5]=1
echo "status $?"
d[0]=3
d[-1]=3
e=(1 2 3)
e[-4]=x; echo "status $?"
e[-3]=x; declare -p e
s=scalar
s[-2]=x; s[-1]=y; declare -p s
