# eval with quoting levels
cmd="echo \"a  b\""
eval "$cmd"
eval echo "a  b"
x="y z"
eval "v=\"$x\""
echo "$v"
eval 'for i in 1 2; do echo loop$i; done'
