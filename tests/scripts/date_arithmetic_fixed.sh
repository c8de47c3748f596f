# date with fixed inputs in UTC.
export TZ=UTC
date -d @0 +%Y-%m-%d
date -d @86400 '+%A %d %B %Y'
date -u -d '2024-02-28 +1 day' +%F
date -d @1700000000 +%s
