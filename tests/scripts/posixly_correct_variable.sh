# Assigning POSIXLY_CORRECT turns POSIX mode on, unsetting it turns it off.
echo $SHELLOPTS
POSIXLY_CORRECT=1
echo $SHELLOPTS
x=2
x+=5 eval printf '"$x "'
echo "$x"
unset POSIXLY_CORRECT
echo $SHELLOPTS
y=1
y=3 eval true
echo $y
POSIXLY_CORRECT=1 bash -c 'echo $SHELLOPTS'
