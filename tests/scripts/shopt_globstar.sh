# globstar: ** matches any depth of directories.
mkdir work && cd work
mkdir -p a/b/c
touch a/1.sh a/b/2.sh a/b/c/3.sh top.sh
echo **/*.sh
shopt -s globstar
echo **/*.sh
echo a/**
echo a/**/
