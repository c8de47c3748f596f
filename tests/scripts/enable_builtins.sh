# enable -n turns a builtin off: its name then runs the program from PATH.
type -t echo
enable -n echo
type -t echo
enable -n
echo still works through /bin/echo
enable -a | grep -w -e echo -e pwd
enable echo
type -t echo
enable -n pwd test
enable -n | sort
enable pwd test
enable -n; echo "status $?"
enable nosuch; echo "status $?"
builtin echo via builtin
