# declare -i evaluates assignments; -l and -u fold case; -r refuses changes.
declare -i n=5+3
echo "$n"
n+=2
echo "$n"
n="n * 2"
echo "$n"
declare -l lower=MiXeD
declare -u upper=MiXeD
echo "$lower $upper"
lower+=ABC
echo "$lower"
declare -r fixed=1
fixed=2 2>/dev/null || echo "readonly refused"
( unset fixed ) 2>/dev/null || echo "unset refused"
declare -p n lower upper fixed
