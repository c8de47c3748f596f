# A builtin that lists some operands and reports others writes them in operand order
# when both go to one place.
{
alias a=b c=d; alias a nosuch c
type cd nosuch echo; echo $?
type -t cd nosuch echo
command -V cd nosuch echo; echo $?
command -v nosuch cd; echo $?
shopt extglob nosuch nullglob; shopt -p extglob nosuch
trap 'echo x' INT; trap 'echo t' TERM; trap -p TERM NOSIG INT INT; trap -p HUP; echo $?
kill -l 2 99 3; echo $?
help -d true echo >/dev/null; echo $?; help -s true; help nosuch nosuch2; echo $?; help -x 2>/dev/null; echo $?
unset 'a['; echo $?; unset -v 'a['; echo $?; unset -v 'b[]'; echo $?
} 2>&1 | sed 's/^[^ ]*: line [0-9]*: //'
