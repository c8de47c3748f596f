# declare -p shows variables as declarations the shell can read back.
s="with \"quotes\" and \$dollar"
a=(1 "two words" '')
declare -A m=([k]=v)
declare -x exported=yes
declare -p s a m exported
declare -ia nums=(1 2 3)
declare -p nums
f() { local inner=1; declare -p inner; }
f
declare -p nosuch 2>/dev/null || echo "not found: $?"
