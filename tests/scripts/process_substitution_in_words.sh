# A process substitution that touches a word is part of that word, as in bash: an
# assignment's value (`f=<(cmd)` given to eval), a prefix or suffix, or another one.
echo x=<(true)
echo a<(true)b
echo <(true)<(true)
echo <(true) <(true)
x="p q"; echo $x<(true)
e=; echo $e<(true) z
echo "q"<(true)"r"
unset f
eval f=<(echo test4) "; cat \$f"
cat <(echo one) <(echo two)
