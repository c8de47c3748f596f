# printf %(...)T with a fixed time in UTC.
export TZ=UTC
printf '%(%Y-%m-%d %H:%M:%S)T\n' 0
printf '%(%j %a %b)T\n' 86400
printf '[%(%H)T]\n' 3600
printf -v stamp '%(%s)T' 1234567890; echo "$stamp"
# bash formats a time into 128 bytes: a longer result is nothing.
for n in 1 31 32 40; do
  format='%('$(printf '%%Y%.0s' $(seq $n))')T'
  printf "$format" 0 | wc -c
done
