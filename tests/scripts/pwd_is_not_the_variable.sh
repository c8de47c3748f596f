# pwd prints the directory cd went to, whatever a script does to $PWD; cd through a
# missing directory and .. fails; a child shell without $PWD starts at the physical path.
mkdir -p place/target
ln -s target place/link
cd place
here=$(pwd)
PWD=elsewhere
echo "variable: $PWD"
[ "$(pwd)" = "$here" ] && echo "pwd unchanged"
unset PWD
[ "$(pwd)" = "$here" ] && echo "pwd unchanged after unset"
cd nonexistent/..; echo "cd nonexistent/..: $?"
cd target/..; echo "cd target/..: $?"
cd link
bash -c 'basename $(pwd)'
unset PWD
bash -c 'basename $(pwd)'
cd "$OLDPWD"
mkdir -p gone && cd gone && rmdir ../gone
cd ..; echo "cd .. from a removed directory: $?"
