# Nested and combined brace expansions
echo {a,b}{1..3}
echo {x,y{1,2},z}
echo {1..10..4}{a,b}
echo a{b,c{d,e}f}g
