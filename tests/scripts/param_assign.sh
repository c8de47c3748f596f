unset v
echo "${v:=first}" "$v"
echo "${v:=second}" "$v"
e=
echo "[${e=kept}]" "[${e:=replaced}]"
