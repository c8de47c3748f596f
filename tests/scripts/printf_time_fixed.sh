# printf %(...)T with a fixed time in UTC.
export TZ=UTC
printf '%(%Y-%m-%d %H:%M:%S)T\n' 0
printf '%(%j %a %b)T\n' 86400
printf '[%(%H)T]\n' 3600
printf -v stamp '%(%s)T' 1234567890; echo "$stamp"
