# Default, alternative and error operators
unset u; e=
echo "${u-unset} ${u:-unset-or-empty} ${e-set} ${e:-empty}"
echo "${e+alt} ${u+alt} ${e:+alt}"
: "${assigned:=first}"
echo "$assigned"
(echo "${u:?custom message}") 2>/dev/null || echo "error status $?"
