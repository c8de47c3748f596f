# shopt options for pathname expansion
mkdir -p g/sub/deep && cd g
touch a.txt B.txt .hidden sub/x.txt sub/deep/y.txt
echo *
shopt -s dotglob
echo *
shopt -u dotglob
echo nothing*
shopt -s nullglob
echo nothing* end
shopt -u nullglob
shopt -s nocaseglob
echo b*
shopt -u nocaseglob
shopt -s globstar
echo **/*.txt
shopt -s failglob
echo nothing* || echo "failglob status $?"
shopt -u failglob
shopt nullglob failglob
shopt -q dotglob || echo "dotglob off"
shopt -p globstar
shopt -s nosuchoption
echo "status $?"
