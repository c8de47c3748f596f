# Field splitting follows $IFS, as POSIX says.
IFS=:
x=a:b
for w in $x; do echo "[$w]"; done
x=":a::b:"
for w in $x; do echo "[$w]"; done
IFS=" :"
x=" a : b  c: "
for w in $x; do echo "[$w]"; done
set -- one two three
IFS=-
echo "$*"
IFS=
echo "$*"
x="a  b"
for w in $x; do echo "[$w]"; done
unset IFS
x=" a b "
for w in $x; do echo "[$w]"; done
IFS=,
read -r first second <<< "1,2"
echo "$first $second"
d=dir
echo /path/$d/file
x="a b"
echo pre${x}post
IFS=:
x=a:
echo [${x}]z
