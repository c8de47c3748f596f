# A subscript of blanks, or one expanding to nothing, is index 0; one written empty
# is an error that ends the command line, and `${a[]}` a bad substitution.
b=(this is)
echo "${b[   ]}" "${b[ ]}"
e=
b[$e]=x; b[ ]=y; declare -p b
echo "${b[$e]}"
(b[]=z; echo not reached) 2>&1 | sed 's/.*line [0-9]*: //'
(echo ${b[]}; echo not reached) 2>&1 | sed 's/.*line [0-9]*: //'
(echo ${#b[]}) 2>&1 | sed 's/.*line [0-9]*: //'
declare -A A
(A[$e]=1; echo not reached) 2>&1 | sed 's/.*line [0-9]*: //'
(A[]=1; echo not reached) 2>&1 | sed 's/.*line [0-9]*: //'
