# A subscript ends at its own `]`: one inside a substitution or quotes does not end it.
declare -A m
m[$(echo ])]=def
m[`echo '[['`]=back
m["$(echo '"]"')"]=quoted
m[${x:-]}]=braced
m[$(echo "a]b")x]=nested
declare -p m
echo "${m[']']}" "${m[\]]}" "${m['"]"']}"
a[$(( 1 + $(echo 2) ))]=three
declare -p a
