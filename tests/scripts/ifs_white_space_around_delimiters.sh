# IFS white space next to another IFS character is part of the same separator, also
# when it follows text from outside the expansion; a backslash-newline joins lines in
# an unquoted here-document and in double quotes.
IFS=" x"; A=" x " B=" x" C="x " D=x E="   "
for i in $A $B $C $D L$A L$B L$C L$D $A= $B= $C= $D= L$A= L$B= L$C= L$D= $E L$E; do
    printf '{%s}' "$i"
done
echo
IFS=" :"; v="a : b :: c : "; for i in $v; do printf '[%s]' "$i"; done; echo
x="L"; v=" : "; for i in $x$v$x; do printf '[%s]' "$i"; done; echo
IFS=": "; v="a: b"; set -- x$v; echo $#
IFS=$' \t\n'
cat <<END
abc\
def $#\
!
END
echo "a\
b"
cat <<'END'
kept\
as is
END
