# An indexed array's subscript that is blank in arithmetic (written so, quoted, or from a
# variable) is element 0; an associative array's is the key " ". `let` expands an indexed
# subscript in its (already expanded) text, as bash does.
a=(5 6)
(( a[ ]=10 )); declare -p a
(( a[" "]+=1 )); declare -p a
v=" " i=0; (( a[$v]=12 )); declare -p a
let "a[ ]=13" "a[\" \"]*=2" 'a["$v"]++' 'a[$i+1]=4'; declare -p a
echo $(( a[ ] + a[ 1 ] ))
declare -A m
(( m[ ]=2 )); (( m[x]=3 )); declare -p m
