# The word after an alias ending in a blank is expanded as an alias again and again
# (bar -> baz -> quux), each alias once; whether the word after it is expanded too is
# that word's own alias's say.
shopt -s expand_aliases
alias foo='echo '
alias bar=baz
alias baz=quux
foo bar
alias baz='quux '
alias quux=x
foo bar bar
alias loop1=loop2
alias loop2=loop1
foo loop1
alias two='bar more'
foo two
alias bar2='baz2 '
alias baz2=y
foo bar2 bar2
