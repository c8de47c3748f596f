echo before
x=set
echo "${x:?not shown}"
: "${missing:?is required}"
echo after
