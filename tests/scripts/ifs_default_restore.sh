# IFS is set by the shell at start: saving and restoring it keeps splitting.
printf '%s' "$IFS" | od -An -c | tr -s ' '
old=$IFS
IFS=:
x="a:b c"
set -- $x; echo "$# [$1] [$2]"
IFS=$old
set -- $x; echo "$# [$1] [$2]"
unset IFS
set -- $x; echo "unset IFS: $#"
