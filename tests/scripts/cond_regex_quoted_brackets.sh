# Quoted characters in a =~ regex: escaped outside brackets, as they are inside them (bash).
[[ ']' =~ [']'] ]] && echo a1
[[ 'b' =~ ['^'a] ]] && echo a2
[[ '^' =~ ['^'a] ]] && echo a3
[[ '-' =~ [a'-'c] ]] && echo a4
[[ 'b' =~ [a'-'c] ]] && echo a5
[[ 'x' =~ ["[:alpha:]"] ]] && echo a6
[[ ':' =~ ["[:alpha:]"] ]] && echo a7
[[ '\' =~ [\\] ]] && echo a8
[[ 'a' =~ [\\a] ]] && echo a9
[[ 'ab' =~ [a]"b" ]] && echo a10
[[ 'a]' =~ [a]"]" ]] && echo a11
[[ 'a*' =~ [a]"*" ]] && echo a12
[[ 'aa' =~ [a]"*" ]] && echo a13
r='[.]'; [[ 'x' =~ $r ]] && echo a14
r='[.]'; [[ 'x' =~ "$r" ]] && echo a15
[[ 'x]' =~ [^']']] ]] && echo a16
[[ 'x' =~ []'x'] ]] && echo a17
[[ 'x' =~ [[:alpha:]'x'] ]] && echo a18
[[ 'x' =~ [[.x.]] ]] && echo a19
[[ 'x' =~ [[.'x'.]] ]] && echo a20
r='[\.]'; [[ '\' =~ $r ]] && echo b1
r='[\.]'; [[ 'x' =~ $r ]] && echo b2
r='[\]]'; [[ '\]' =~ $r ]] && echo b3
r='a[\]'; [[ 'a\' =~ $r ]] && echo b4
[[ 'a\' =~ a[\\] ]] && echo b5
[[ dog =~ [[=d=]].[\[=G=][=g=]] ]] && echo ok 4a
[[ a =~ ['a]'] ]] || echo ok 12
[[ a =~ ['a]'] ]] ; echo $? "${BASH_REMATCH[@]}"
[[ 'a]' =~ ['a]'] ]] ; echo $? "${BASH_REMATCH[@]}"
[[ '\' =~ ['a\'] ]] ; echo $? "${BASH_REMATCH[@]}"
[[ 'x' =~ ['a\']x ]] ; echo $? "${BASH_REMATCH[@]}"
[[ 'x' =~ "[a]" ]] ; echo $? "${BASH_REMATCH[@]}"
[[ '[a]' =~ "[a]" ]] ; echo $? "${BASH_REMATCH[@]}"
[[ 'x' =~ ['.'] ]] ; echo $? "${BASH_REMATCH[@]}"
[[ '.' =~ ['.'] ]] ; echo $? "${BASH_REMATCH[@]}"
