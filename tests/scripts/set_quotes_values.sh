# `set` and `set -x` quote a value only where the shell would read it otherwise: a `#`
# inside a word and a `~` after its start (but not after = or :) stay bare, a lone quote
# is \'.
SQUOTE="'"
VHASH=ab#cd
VHASH2=#abcd
VTILDE='~'
VT2=a~b
VT3=a=~
VT4=b:~c
QUOTED="it's"
set | grep -E '^(SQUOTE|VHASH|VHASH2|VTILDE|VT2|VT3|VT4|QUOTED)='
exec 2>&1
set -x
: a#b '#a' "'" a~ '~a' 'a=~' 'b:~c' '~' "a'b" x~y
