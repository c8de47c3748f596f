# Prefix assignments: += adds to an integer, a read-only name stops the command.
declare -i x; x=1+2 printenv x; x=4; x+=1 printenv x
declare -u u; u=abc printenv u
unset x; typeset -i x=2
x+=5 eval printf '"$x "'
echo "$x"
readonly r=1
r=2 printenv r 2>/dev/null
echo "status $?"
echo "${#GROUPS[@]} $?"
FUNCNAME=1; echo "[$FUNCNAME] $?"
f() { FUNCNAME=x; echo $FUNCNAME; }; f
GROUPS=5; GROUPS[1]=3; echo "${#GROUPS[@]} $?"
