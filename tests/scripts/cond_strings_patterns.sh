# [[ ]] with strings and patterns
s=hello
[[ $s == h* ]] && echo "starts with h"
[[ $s == "h*" ]] || echo "quoted star is literal"
[[ $s != *z* ]] && echo "no z"
[[ $s == h?llo ]] && echo "question mark"
[[ $s == [a-h]ello ]] && echo "bracket"
[[ -n $s && -z "" ]] && echo "lengths"
[[ apple < banana ]] && echo "sorts before"
[[ ! $s == x* ]] && echo "negated"
[[ ( $s == h* || $s == x* ) && ${#s} -eq 5 ]] && echo "grouped"
empty=
[[ $empty ]] || echo "empty is false"
[[ $undefined_variable ]] || echo "unset is false"
words="a b c"
[[ $words == "a b c" ]] && echo "no splitting"
