# Quoting cases that once differed from bash
echo `echo \\$`
set -- one
r=1
echo "${!r}"
set -- a "b c" d
printf '[%s]' ${@:2}; echo
printf '[%s]' "${@:2}"; echo
echo "${u:-'b'}" ${u:-'c'}
echo "$(echo "[[")" "$(echo "((")"
printf '%s' $'\cA' | od -An -c
