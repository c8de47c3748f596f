# Swapping and duplicating stdout and stderr through a spare descriptor
{ echo out; echo err >&2; } 3>&1 1>&2 2>&3 | sed 's/^/piped: /'
f() { echo "function writes to 3" >&3; }
f 3>&1
x=$( { echo captured; echo "via 3" >&3; } 3>&1 )
echo "[$x]"
exec 5>&1
echo "through 5" >&5
exec 5>&-
echo hi > rw
exec 6<> rw
read -r word <&6
echo "read $word"
