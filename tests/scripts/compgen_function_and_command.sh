# compgen -F runs a completion function; -C runs a command; both are then filtered,
# prefixed and suffixed with the rest.
show() {
  echo "args: $*"
  echo "COMP_CWORD=$COMP_CWORD COMP_LINE=[$COMP_LINE] COMP_POINT=$COMP_POINT words=${#COMP_WORDS[@]}"
  COMPREPLY=(one two three)
}
compgen -F show cmd
echo "status $? reply=${COMPREPLY-unset} cword=${COMP_CWORD-unset}"
compgen -F show -X 't*' -P '[' -S ']' -W 'cat cow dog' c
scalar() { COMPREPLY=hello; }
compgen -F scalar
none() { COMPREPLY=(); }
compgen -F none
echo "status $?"
lister() { echo "lister got: $*"; echo alpha; }
compgen -C lister b
compgen -F nosuch x
echo "status $?"
