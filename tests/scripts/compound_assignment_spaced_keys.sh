# In a compound assignment, an element's subscript may hold blanks: bash reads the
# element as one word up to the `]` and the `=` after it.
declare -A wheat
wheat=([six]=6 [foo bar]="qux qix" )
declare -p wheat
unset wheat
declare -A wheat=([six]=6 [foo bar]="qux qix" )
declare -p wheat
echo "${wheat[foo bar]}"
a=([1 + 1]=x [ 3 ]=y)
declare -p a
a+=([2 * 3]=z)
declare -p a
echo [a b]=c
