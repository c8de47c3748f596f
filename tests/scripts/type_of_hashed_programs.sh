# type and command name a program remembered by hash where it was found, and count
# each look as a hit, as bash does; -a searches PATH instead.
hash -r
hash -p /nowhere/prog prog
type -p prog
type prog
type -t prog
type -P prog
command -v prog
command -V prog
type -a prog; echo "status $?"
hash -t prog
hash -l
hash
