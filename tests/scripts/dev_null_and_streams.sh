echo gone > /dev/null
cat /dev/null | wc -c
echo to-err 2>&1 >/dev/stderr | wc -l
