( exit 3 )
echo $?
{ false; }
echo $?
if ( exit 0 ); then echo zero; fi
exit 12
