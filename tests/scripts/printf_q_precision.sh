# bash's %.Nq cuts the quoted text, %Q cuts the argument first; GNU printf refuses both.
S="a'b"; T=';ls'
printf 'echo %.2q%q\n' "$S" "$T"
printf 'echo %.2Q%Q\n' "$S" "$T"
printf '[%.2q][%.2Q][%5q][%-6Q][%Q]\n' "a'b" "a'b" "a b" "x y" "q r"
env printf '[%.2q]\n' x 2>&1; echo $?
env printf '[%Q]\n' x 2>&1; echo $?
