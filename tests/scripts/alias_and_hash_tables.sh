# BASH_ALIASES and BASH_CMDS show the alias table and the remembered programs as
# associative arrays; assigning an element defines an alias or remembers a program,
# unsetting one changes neither table. (Printed sorted: bash lists them in its hash order.)
sorted() { printf '%s\n' "$@" | sort | tr '\n' ' '; echo; }
shopt -s expand_aliases
echo "empty: ${#BASH_ALIASES[@]} ${#BASH_CMDS[@]}"
alias foo=/usr/sbin/foo
alias qux='/usr/local/bin/qux -l'
sorted "${!BASH_ALIASES[@]}"
sorted "${BASH_ALIASES[@]}"
echo "${BASH_ALIASES[qux]}"
BASH_ALIASES[greet]='echo hello from an alias'
alias greet
eval greet
unset 'BASH_ALIASES[foo]'
alias foo 2>&1 | sed 's/^.*line [0-9]*: //'
sorted "${!BASH_ALIASES[@]}"
hash -r
hash -p /usr/sbin/foo foo
hash -p /usr/local/bin/qux qux
sorted "${!BASH_CMDS[@]}"
BASH_CMDS[blat]=/sbin/blat
hash -t blat
unset 'BASH_CMDS[qux]'
hash -t qux 2>&1 | sed 's/^.*line [0-9]*: //'
sorted "${BASH_CMDS[@]}"
