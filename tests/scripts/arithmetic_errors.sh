# Arithmetic errors: division by zero and bad expressions stop the command.
( echo $(( 1 / 0 )) ) 2>/dev/null; echo "division: $?"
( echo $(( 2 + )) ) 2>/dev/null; echo "syntax: $?"
x=abc
echo $(( x + 1 ))
y=' 7 '
echo $(( y * 2 ))
(( 5 / 0 )) 2>/dev/null; echo "in (( )): $?"
echo "after"
