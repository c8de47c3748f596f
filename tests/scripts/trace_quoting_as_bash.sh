# `set -x` and `set` show words with control characters in `$'...'` (a tab or newline
# alone stays in single quotes under `set -x`), quote `^`, and show characters beyond
# ASCII bare in a UTF-8 locale and as byte escapes outside one, as bash does.
s=$'a\x03b\004c' t=$'x\ty' u='a^b' v='μ' w='é+'
{ set -x; echo "$s" "$t" "$u" "$v" "$w" > /dev/null; x=$s; set +x; } 2>&1
set | grep -a '^[stuvwx]='
LC_ALL=C.UTF-8
{ set -x; echo "$s" "$t" "$u" "$v" "$w" > /dev/null; set +x; } 2>&1
set | grep -a '^[stuvw]='
