# `${#X}`: one character after `#` is the parameter whose length is asked; an operator
# there (`${#%}`), or a case change of `$#` (`${#^}`), is a bad substitution, while
# `${#%%}` and `${#//a}` operate on `$#`.
for operand in '#' '!' '@' '*' '-' '?' '/' '%' '=' '+' ':' '^' ',' '^^' ',,' '^x' \
  '//' '%%' '##' '//a' '/a/b' ':-x' '=x' '+x' '%%2' '##1' '@Q'; do
  printf '%s => ' "$operand"
  bash -c "set -- a b; echo \"[\${#$operand}]\"" 2> /dev/null
  echo "status $?"
done
