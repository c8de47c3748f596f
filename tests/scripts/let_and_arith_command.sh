# let and (( )) set status from their value
let "x = 2 + 3"; echo "$x $?"
let "y = 0"; echo "$?"
(( z = 4 * 5 )); echo "$z $?"
(( 0 )); echo "$?"
if (( x > 3 )); then echo "x big"; fi
