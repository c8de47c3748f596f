(exit 3)
echo "sub $?"
( echo in; exit 0 )
echo "still"
exit
