# exec with only redirections changes the shell's own streams from then on.
exec 3>&1
exec > log.txt
echo "into the log"
exec 1>&3 3>&-
echo "back on stdout"
cat log.txt
exec 2> errors.txt
ls /nonexistent-path
exec 2>&1
wc -l < errors.txt
