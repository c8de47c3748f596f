# bash's brace_expand: an expression closes only after a comma or `..` at its level,
# and what one expansion makes is never scanned again.
echo {{1,2,3}..{7,8,9}}
echo {{a..c}..{1..3}}
echo {{a..c}..{1,10}}
echo {{a,c}..{1..4}}
echo {6..{7,8,9}}
echo {{1..3}..{7..9}}{a,b}
echo {a{b,c}} x{a{b,c}d}y {a..c{1,2}} {{a,b}} {a{1..2}}
echo {a,b}{{1..2}} {a}b,c} {a..{b}} {1..3..{2}} {x,{1..3}}{..}
echo {a}{b,c} a{,}b {,}
