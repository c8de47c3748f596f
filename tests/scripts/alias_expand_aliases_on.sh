# Scripts expand aliases after shopt -s expand_aliases, from the next line on
shopt -s expand_aliases
alias greet='echo hello'; greet same-line 2>/dev/null || echo "same line: not yet"
greet next-line
alias say='echo said '
alias who='world '
alias what=thing
say who what
alias nested='greet from nested'
nested
v=one
alias show='echo $v'
v=two
show
alias many='echo a; echo b |
tr b B'
many
unalias -- greet
greet 2>/dev/null || echo "unaliased: $?"
alias -p
