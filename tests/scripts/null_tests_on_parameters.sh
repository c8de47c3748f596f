# ${@:-x} and friends: two or more parameters are never null; an array's [*] is null when
# its elements joined are
set -- "" ""
echo "[${@:-minus}] [${@:+plus}] [${*:-minus}]"
set -- ""
echo "[${@:-minus}] [${@:+plus}]"
a=("" "")
echo "[${a[@]:-with}] [${a[*]:-with}]"
IFS=
echo "[${a[*]:-with}]"
