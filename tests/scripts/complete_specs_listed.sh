# complete records specs; complete -p lists them in bash's order; -r removes them.
complete -W 'start stop' svc
complete -F _git_complete git
complete -o nospace -o default -d -f -A signal -G '*.c' -P '<' -S '>' -X '!*.o' -C 'lister arg' mid
complete -D -F default_complete
complete -E -W 'empty'
complete -W "it's" quoted
complete
echo "--- named"
complete -p svc git
complete -p nosuch
echo "status $?"
complete -r svc
complete -r nosuch
echo "status $?"
complete -p
echo "--- usage errors"
complete -F f
echo "status $?"
complete -o bogus x
echo "status $?"
complete -A bogus x
echo "status $?"
complete -r
complete -p | wc -l
