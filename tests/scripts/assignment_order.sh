# Assignments run left to right; a command's assignments are its own
a=1 b=$a c=$b$b
echo "$a $b $c"
x=outer
x=inner sh -c 'echo "child sees $x"'
echo "shell keeps $x"
y=1 y=2
echo "$y"
