echo a\ b c\\d \$x \"q\"
echo "line\nnot-newline"
echo \
  continued \
  line
x=abc\
def
echo $x
