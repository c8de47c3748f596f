alias greet='echo hi'
alias | grep greet
alias greet
unalias greet
alias greet 2>/dev/null || echo "not an alias now"
