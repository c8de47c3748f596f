# ${x-w} ${x:-w} ${x=w} ${x:=w} ${x+w} ${x:+w} ${x?msg}
unset u; e=""; s=set
echo "[${u-d}] [${e-d}] [${s-d}] [${u:-d}] [${e:-d}] [${s:-d}]"
echo "[${u+a}] [${e+a}] [${s+a}] [${u:+a}] [${e:+a}] [${s:+a}]"
echo "[${u=new}] [$u]"
echo "[${e:=filled}] [$e]"
( : ${missing?is required} ) 2>/dev/null || echo "? failed: $?"
( : ${e:?never} ) && echo "? passed"
echo "${nested:-${also_unset:-deep default}}"
