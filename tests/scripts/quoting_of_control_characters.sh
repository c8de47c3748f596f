# Values with control characters are shown in $'...' by set and declare -p, and
# $'\xHH' sequences are bytes, so UTF-8 written that way is the character.
zz=$'one\ntwo'
set | grep '^zz='
declare -p zz
a=($'x\ty' plain)
declare -p a
u=$'\xce\xbc'
echo "$u"
printf '%q\n' $'tab\there'
