# bash's %.Nq cuts the quoted text, %Q cuts the argument first; GNU printf refuses both.
S="a'b"; T=';ls'
printf 'echo %.2q%q\n' "$S" "$T"
printf 'echo %.2Q%Q\n' "$S" "$T"
printf '[%.2q][%.2Q][%5q][%-6Q][%Q]\n' "a'b" "a'b" "a b" "x y" "q r"
env printf '[%.2q]\n' x 2>&1; echo $?
env printf '[%Q]\n' x 2>&1; echo $?
# A precision from `*` is taken and, for %Q, not applied (bash's printf.def).
printf '%.*Q\n' 1 '**'
printf '%5.*Q|\n' 1 'ab'
printf '%.*q|\n' 2 'a b'
