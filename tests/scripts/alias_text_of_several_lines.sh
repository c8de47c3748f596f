# An alias whose text is several lines runs all of them, even when its first line
# changes the aliases (bash runs the rest of the text as it read it).
shopt -s expand_aliases
v=1
alias a='unalias -a
v=2'
eval a
echo "v=$v"
alias b='echo one
echo two'
b
eval b
alias c='alias d="echo from d"
echo after c'
c
d
