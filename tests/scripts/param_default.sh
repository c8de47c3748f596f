unset u; e=
echo "[${u:-dflt}] [${e:-dflt}] [${u-dflt}] [${e-dflt}]"
echo "[${u:-$HOME}]" "[${u:-"two words"}]"
set -- ${u:-x y z}; echo $#
