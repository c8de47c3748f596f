# read: -r, -a, -d, -n, -N, -p, -s, -t 0, IFS, and the default REPLY.
printf 'a\\b c\n' | { read x; echo "$x"; }
printf 'a\\b c\n' | { read -r x; echo "$x"; }
printf 'one two three\n' | { read -a arr; echo "${#arr[@]} ${arr[1]}"; }
printf 'x;y;z' | { read -d ';' first; echo "$first"; }
printf 'abcdef' | { read -n 3 part; echo "$part"; }
printf 'ab\ncd' | { read -N 4 raw; printf '%q\n' "$raw"; }
printf 'line\n' | { read; echo "REPLY=$REPLY"; }
printf '  spaced  \n' | { read v; echo "[$v]"; }
printf '  spaced  \n' | { IFS= read v; echo "[$v]"; }
printf 'a b c d\n' | { read p q; echo "[$p] [$q]"; }
read -t 0 < /dev/null; echo "t0=$?"
printf 'secret\n' | { read -s -p "prompt: " pw; echo "pw=$pw"; }
