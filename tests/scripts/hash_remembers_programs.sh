# hash: the programs run by name and how often, and -t -d -p -r -l (paths differ between
# systems, so only names are shown); BASH_VERSINFO
hash
hash nope_no_such_command 2> /dev/null; echo "status $?"
ls > /dev/null; ls > /dev/null; cat < /dev/null
hash | sed 's|/.*/|.../|'
hash -t ls | sed 's|.*/||'
hash -l | sed 's|-p /.*/|-p .../|'
hash -d ls; hash -d ls 2> /dev/null; echo "status $?"
hash -p /bin/echo foo; hash -t foo
hash -r; hash; echo "status $?"
hash cd; echo "status $?"
echo "${BASH_VERSINFO[0]} ${BASH_VERSINFO[1]} ${#BASH_VERSINFO[@]}"
