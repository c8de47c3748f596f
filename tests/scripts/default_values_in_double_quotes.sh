# The word of ${VAR-word} inside double quotes is read as double-quoted text: single
# quotes are characters there, $var in them expands, and \} is a brace.
var='a b c'
printf '<%s>\n' "${Unset:-'$var'}" "${Unset-'c  d'}" ${Unset-'c  d'}
printf '<%s>\n' "${var-}}" "${var2-\}}" "${var2-'}'}" "${var2-"}"}"
printf '<%s>\n' "${var:+'x y'}" "${var:+"$var"}"
unset u
printf '<%s>\n' "${u:="'q'"}" "$u"
