# `[[ =~ ]]` matches a byte outside valid UTF-8 as itself, in the pattern and the text,
# and BASH_REMATCH gives it back as that byte.
x=$'a\xceb'
[[ $x =~ $'\xce' ]] && echo found
[[ $x =~ ^a($'\xce')b$ ]] && printf '%s' "${BASH_REMATCH[1]}" | od -An -tx1
[[ $x =~ $'\xcf' ]] || echo other-byte-not-found
