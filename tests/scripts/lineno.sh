# $LINENO in a script, a function, eval and a substitution
echo "line $LINENO"
f() {
  echo "in f at $LINENO"
}

f
eval 'echo "eval at $LINENO"
echo "eval second line $LINENO"'
x=$(echo "substitution at $LINENO")
echo "$x"
echo "last at $LINENO"
> "bare$LINENO"
ls bare*
