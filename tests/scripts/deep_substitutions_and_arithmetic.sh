# Command substitutions nest as deep as a recursion needs (bash has no limit of its own).
depth() {
  if (( $1 > 0 )); then echo $(( $(depth $(( $1 - 1 ))) + 1 )); else echo 0; fi
}
depth 150
# A variable may name an expression that names itself, up to bash's 1024 levels.
loop='i<=100&&(s+=i,i++,loop)' s=0 i=0
echo $((a=loop,s))
loop='i<=1000&&(s+=i,i++,loop)' s=0 i=0
echo $((a=loop,s))
loop='i<=1100&&(s+=i,i++,loop)' s=0 i=0
echo $((a=loop,s)); echo "status $?"
