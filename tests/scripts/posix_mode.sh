# bash's POSIX mode (set -o posix): a special builtin's prefix assignments stay, aliases
# are expanded in scripts, command substitutions inherit set -e, no function may take a
# special builtin's name, and assigning a read-only variable ends the script.
set -o posix
echo "POSIXLY_CORRECT=[$POSIXLY_CORRECT]"
shopt expand_aliases inherit_errexit
set -o | grep posix
foo=bar :
echo "foo=$foo"
z=Z builtin :
echo "z=$z"
f() { :; }
a=1 f
echo "a=$a"
OIFS=$IFS
IFS=: export x=1:2
echo "IFS=[$IFS]"
IFS=$OIFS
alias say='echo said'
say it
here=$(bash -c 'set -o posix; set -e; y=$(false; echo posix foo); echo "y=$y"')
echo "here=[$here]"
(eval() { echo function; }; echo not reached)
echo "status $?"
(for 1 in a b; do echo loop; done; echo not reached)
echo "for: $?"
set +o posix
echo "POSIXLY_CORRECT=[$POSIXLY_CORRECT]"
shopt expand_aliases
e=5 :
echo "e=$e"
set -o posix
readonly r=1
r=2
echo not reached
