# read -n and -t on available input
printf "abcdef" | { read -n 2 a; read -n 3 b; echo "$a $b"; }
printf "line\n" | { read -t 5 l; echo "status $? $l"; }
