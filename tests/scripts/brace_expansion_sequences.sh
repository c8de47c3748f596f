# Brace expansion: sequences of numbers and letters
echo {1..5}
echo {5..1}
echo {0..10..3}
echo {10..0..4}
echo {01..10}
echo {-3..3}
echo {a..f}
echo {f..a..2}
echo {1..3}{a..b}
echo {1..a} {1..2..x}
x=3
echo {1..$x}
