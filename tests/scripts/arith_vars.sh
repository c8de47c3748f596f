a=5 b=7
echo $((a + b)) $(($a * $b))
c=$((a += 2)); echo $a $c
echo $((a++)) $a $((++a)) $a $((a--)) $((--a))
x=3+4; echo $((x * 2))
echo $((unset_var + 1))
