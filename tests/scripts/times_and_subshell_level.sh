# times prints two lines of user and system time; BASH_SUBSHELL counts subshells.
times | sed 's/[0-9]/N/g'
echo "top $BASH_SUBSHELL"
( echo "paren $BASH_SUBSHELL"; ( echo "nested $BASH_SUBSHELL" ) )
echo "subst $(echo $BASH_SUBSHELL)"
echo "$(echo "$(echo deeper $BASH_SUBSHELL)")"
f() { echo "function $BASH_SUBSHELL"; }
f
f | cat
{ echo "group $BASH_SUBSHELL"; } | cat
echo "background $BASH_SUBSHELL" & wait
