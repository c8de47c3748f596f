# `compgen -A hostname` reads the names of $HOSTFILE as bash does (a first field that
# starts with a digit is the address; `#` ends a line); `-s`/`-A service` is an action.
printf '%s\n' '# hosts' '10.0.0.1 alpha beta # gamma' '  ::1 ip6-localhost ip6-loopback' \
  'fe00::0 ip6-localnet' '' 'noaddr delta' '192.168.1.9	tabbed' > hosts
HOSTFILE=$PWD/hosts
compgen -A hostname
echo "-- i"; compgen -A hostname -- i
echo "-- none"; compgen -A hostname -- zz; echo "status $?"
complete -A hostname ssh
complete -s -A hostname -A user ftp
complete -p ssh ftp
HOSTFILE=$PWD/missing
echo "-- missing"; compgen -A hostname; echo "status $?"
# A new HOSTFILE adds its names to those known; unsetting it forgets them all.
printf '%s\n' '10.1.1.1 epsilon' > more
HOSTFILE=$PWD/more
echo "-- more"; compgen -A hostname -- e
unset HOSTFILE
HOSTFILE=$PWD/more
echo "-- after unset"; compgen -A hostname
