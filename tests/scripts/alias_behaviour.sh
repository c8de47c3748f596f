# Aliases: trailing space expands the next word, quoting stops expansion.
shopt -s expand_aliases
alias say='echo said:'
alias please='sudo_like '
alias sudo_like='echo would run:'
alias word=replaced
say hello
please word
\say not an alias 2>/dev/null || echo "escaped name is not expanded: $?"
'say' quoted 2>/dev/null || echo "quoted name is not expanded: $?"
alias say
unalias -a
alias | wc -l
