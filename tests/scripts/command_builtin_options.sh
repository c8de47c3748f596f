# command skips functions; command -v prints how a name would run.
ls() { echo "function ls"; }
ls
command ls -d / 
command -v ls
unset -f ls
command -v ls | sed 's,.*/,,'
command -v nosuch_zz; echo "status $?"
