# One variable takes the line with the spaces that end it gone, even escaped ones;
# with more variables the last keeps an escaped space. REPLY keeps everything.
echo " a  b\ " | ( read x ; echo "-$x-" )
echo " a  b\ " | ( read x y ; echo "-$x-$y-" )
printf '%s\n' '\ a  b\ ' | ( read x ; echo "-$x-" )
printf '%s\n' ' \ a b\ \ ' | ( read x ; echo "-$x-" )
printf '%s\n' ' \ a b\ \ ' | ( read x y ; echo "-$x-$y-" )
printf 'a\\\t\n' | ( read x ; echo "-$x-" )
echo " A B\ " | ( read ; echo "[$REPLY]" )
echo " a b\ " | ( IFS=: read x ; echo "-$x-" )
