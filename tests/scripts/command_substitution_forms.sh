# $( ) and backquotes, nesting, trailing newlines, and exit status.
echo "[$(printf 'a\n\n\n')]"
echo "[`echo back`]"
x=$(echo "a b"; exit 3); echo "$x $?"
echo "$(echo "$(echo nested "$(echo deep)")")"
echo `echo \`echo inner\``
lines=$(printf '1\n2\n3'); echo "$lines" | wc -l
echo $(echo   spaced    out)
