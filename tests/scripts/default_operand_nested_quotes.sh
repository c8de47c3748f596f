# Inside double quotes, a `${v-word}` operand is double-quoted text: single quotes are
# characters, and double quotes in it open and close nothing new.
x=; y=val
echo "${dbg-"'hey'"}" "${dbg-"hey"}" "${dbg-'"'hey}" "${dbg-'"hey'}"
echo "${u-"a b"}" "${u-"$y"}" "${u-'$y'}" "${u-"*"}" "${u-$(echo "q")}" "${u-`echo "r"`}"
echo "${u-\"}" "${u-\"$y\"}" "${u:-"${y-"in"}"}" "${u-a"b"c}"
echo "${u="x'y"}"; echo "$u"
echo "${y+"set"}" "${y:+'s'}" ${y:+'s'} ${y:+"$y b"}
