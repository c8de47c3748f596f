echo 'single  quotes keep   spaces' "double $HOME" plain\ escaped
echo "a\"b" 'c"d' "e'f"
echo "" | wc -c
x="two  words"
echo $x
echo "$x"
