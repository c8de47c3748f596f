# A subshell's changes stay inside it: variables, directory, options, traps.
x=outer
( x=inner; cd /; set -f; echo "inside: $x $PWD" )
echo "outside: $x"
[ "$PWD" != / ] && echo "directory kept"
echo * | grep -q . && echo "globbing still on"
( exit 5 ); echo "subshell status $?"
{ x=group; }; echo "braces change the shell: $x"
echo "$BASH_SUBSHELL $(echo $BASH_SUBSHELL) $( (echo $BASH_SUBSHELL) )"
