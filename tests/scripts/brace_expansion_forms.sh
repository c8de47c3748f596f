# Brace expansion: lists, ranges with steps and padding, letters, nesting.
echo {a,b,c}{1,2}
echo {1..10..3} {10..1..4} {-3..3}
echo {01..12..5} {a..k..3} {Z..c}
echo x{a,b{1,2},c}y
echo {a..c}{1..2}
echo '{a,b}' "{a,b}" \{a,b\} {a} {a,,b} {,x}
echo file.{txt,bak,} pre-{}-post
