x=1; unset x; echo "[${x-unset}]"
y=2; unset y z; echo "[${y-gone}]"
