# read: backslashes protect separators and join lines unless -r; -n counts characters;
# -N ignores -d; quoted expansions of empty arrays are no words at all
printf '%s\n' 'one\ two three' | { read a b; echo "[$a] [$b]"; }
printf '%s\n' 'x \ y\ z w' | { read a b c; echo "[$a] [$b] [$c]"; }
printf '%s\n' 'first\' 'second line' | { read line; echo "[$line]"; }
printf '%s\n' 'a\,b,c' | { IFS=, read p q; echo "[$p] [$q]"; }
echo 'a\b\c\d\e\f' | { read -n 5; echo "[$REPLY]"; }
echo foobar | { read -N 5 -d b; echo "[$REPLY]"; }
printf '%s\n' 'raw\ text' | { read -r a b; echo "[$a] [$b]"; }
read -a parts <<'END'
p q\ r s
END
echo "${#parts[@]}: ${parts[1]}"
echo '' | { read -a none; echo "${#none[@]}"; }
empty=()
set --
count() { echo "$# args"; }
count "${empty[@]}"
count "${empty[@]}" "$@"
count "x${empty[@]}"
count "$@"""
read -t 0 < /dev/null && echo "input is there"
