# An alias's text is read as if written in its place: a quote it opens takes in what
# follows, and a comment it starts runs to the end of the line.
shopt -s expand_aliases
alias say="echo 'said:"
say one two'
say three
four'
alias hush='#'
hush echo not run
alias note='# for x in '
note echo nor this; echo nor that
alias two='echo "a b'
two c"; echo after
alias e='echo '
alias w='word'
e w
echo last
alias bs='printf "<%s>\n" \'
bs|cat
