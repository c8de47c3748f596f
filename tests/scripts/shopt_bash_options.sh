# bash's shopt options that change what builtins, globs and cd do.
mkdir -p dd g/sub && touch g/.hid g/sub/.x
printf 'echo sourced-from-path\n' > dd/sf
PATH=$PWD/dd:$PATH
source sf; echo "status $?"
shopt -u sourcepath; source sf; echo "status $?"; shopt -s sourcepath
target=$PWD/dd
shopt -s cdable_vars; cd target > printed; echo "status $? ${PWD##*/} $(sed "s,.*/,," ../printed)"; cd ..
cd nonesuch; echo "status $?"
shopt -u cdable_vars; cd target; echo "status $?"
cd g; echo .*; shopt -u globskipdots; echo .* .h* sub/.*; shopt -s globskipdots; echo sub/.*; cd ..
set -- a; shopt -s shift_verbose; shift 3; echo "status $?"; shopt -u shift_verbose
shopt -s xpg_echo; echo 'a\tb'; echo -E 'a\tb'; echo -n 'x\n'; shopt -u xpg_echo; echo 'a\tb'
shopt -p cdable_vars checkwinsize execfail globskipdots progcomp promptvars
shopt -p shift_verbose sourcepath xpg_echo; shopt xpg_echo; echo "status $?"
shopt -s execfail; exec ./nonexistent; echo "survived $?"
shopt -u execfail; exec ./nonexistent; echo not-reached
