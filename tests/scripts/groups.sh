{ echo one; echo two; } | wc -l
( echo sub; exit 3 ); echo "subshell status $?"
x=outer
( x=inner; echo $x )
echo $x
{ echo grouped; } > group-out
cat group-out
