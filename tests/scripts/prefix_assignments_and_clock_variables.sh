# A command's assignments are made left to right, each seeing those before it, and
# `+=` appends; none stays after the command. An integer array evaluates its elements.
# $EPOCHSECONDS and $EPOCHREALTIME tell the time; assigning $BASH_ARGV0 sets $0.
K=dvb0.net A=${K#dvb} eval echo \$A
K=dvb0.net A=${K#dvb} eval 'echo $A $K'
K=a K=${K}b eval 'echo $K'
echo "after: [$K] [$A]"
a=14
a+=5 eval 'echo $a'
echo $a
x=(1 2 3 4 5)
typeset -i x
x[4]+=7
echo ${x[@]}
unset x
typeset -i x
x=([0]=7+11 3*3)
echo ${x[@]}
x+=(2+2)
echo ${x[@]}
echo "$EPOCHSECONDS" | grep -cE '^[0-9]{10}$'
echo "$EPOCHREALTIME" | grep -cE '^[0-9]{10}\.[0-9]{6}$'
BASH_ARGV0=hello
echo "$0 $BASH_ARGV0"
