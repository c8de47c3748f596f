# dotglob lets * match leading dots; nocaseglob ignores case.
mkdir work && cd work
touch .hidden visible UPPER.TXT lower.txt
echo *
shopt -s dotglob
echo *
shopt -u dotglob
shopt -s nocaseglob
echo *.txt
shopt -u nocaseglob
echo *.txt
echo .*[a-z]*
