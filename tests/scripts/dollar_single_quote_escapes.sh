# $'...' escapes: control characters, octal, hex and \c.
printf '%s' $'a\nb' | od -An -c | tr -s ' '
printf '%s' $'\e[0m' | od -An -c | tr -s ' '
printf '%s' $'\cA\cZ' | od -An -c | tr -s ' '
printf '%s' $'\x7e\101\'' ; echo
printf '%s' $'back\\slash' ; echo
