# `exec 0< FILE` makes FILE the rest of the script; line numbers go on from there.
echo "echo from the other file, line \$LINENO; nosuch" > other-script
exec 0< other-script
echo never run
