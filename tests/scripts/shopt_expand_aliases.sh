# Aliases in a script need expand_aliases; they apply from the next line.
shopt -s expand_aliases
alias greet='echo hello'
greet world
alias ll='echo listing' la='ll -a'
la
unalias greet
type greet 2>/dev/null || echo "greet is gone"
alias | sort
