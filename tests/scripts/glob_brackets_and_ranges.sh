# Globs with brackets, ranges, negation and escaped specials.
mkdir g && cd g
touch a1 a2 b1 'c*' '[x]' .dot
echo a?
echo [ab]1
echo [!a]*
echo *[0-9]
echo c\*
echo '[x]' \[x\]
echo [[]x[]]
echo nomatch*
echo .*t
