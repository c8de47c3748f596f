# [[ =~ ]] takes a POSIX extended regex as glibc reads it: the longest of the leftmost
# matches, back-references, and quoted characters in brackets that match themselves.
[[ abcd =~ a|ab|abc ]] && echo "longest: ${BASH_REMATCH[0]}"
[[ xyz =~ (x|xy)(z|yz) ]] && echo "groups: ${BASH_REMATCH[*]}"
[[ abab =~ (ab)\1 ]] && echo "backref: ${BASH_REMATCH[0]}"
[[ "\\" =~ ["."] ]] && echo bad 1
[[ "\\" =~ [\.] ]] && echo bad 2
[[ dog =~ ['[=d=]'].. ]] && echo ok 3
[[ ']' =~ [']'] ]] && echo ok 4
[[ "\\" =~ [^]"."] ]] || echo unexpected
[[ a.b =~ a"."b ]] && echo "quoted dot"
[[ axb =~ a"."b ]] || echo "quoted dot is literal"
[[ 7 -eq 4+ ]] 2>/dev/null; echo "arith error: $?"
r='('
[[ x =~ $r ]]; echo "bad regex: $?"
shopt -s nocasematch
[[ ABC =~ ^a(b)c$ ]] && echo "nocase: ${BASH_REMATCH[1]}"
