# `for` takes `((` written together for an arithmetic loop; a `(` alone after it (or
# two apart) is a syntax error at that `(`, as bash reads it.
eval 'for()'; echo "status $?"
eval 'for('; echo "status $?"
eval 'for ( (i=0;i<2;i++) ); do echo; done'; echo "status $?"
eval 'for ( ; do echo; done'; echo "status $?"
for((i=0;i<2;i++)) { echo "together $i"; }
for (( i=0; i<2; i++ )); do echo "spaced $i"; done
echo end
