echo ~ ~/sub
x=~
echo $x
echo "~" '~'
