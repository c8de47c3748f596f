# let and (( )) set the status from the value.
let a=5 b=a*2
echo "$a $b"
let "c = a + b"; echo $c
let 0; echo "let 0: $?"
let 1; echo "let 1: $?"
(( 0 )); echo "(( 0 )): $?"
(( z = 7 )); echo "z=$z"
i=0; while (( i++ < 3 )); do echo "i=$i"; done
