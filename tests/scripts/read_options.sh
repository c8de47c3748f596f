# read with -a, -d, -n, -N, -r and -p
read -r -a words <<< "alpha beta  gamma"
echo "${#words[@]}: ${words[1]}"
read -d : first rest <<< "one:two:three"
echo "$first|$rest"
read -n 3 part <<< "abcdef"
echo "$part"
read -N 4 exact <<< "ab cd ef"
echo "[$exact]"
printf 'x\\\ny\n' | { read line; echo "joined: $line"; }
printf 'x\\\ny\n' | { read -r line; echo "raw: $line"; }
read -p "prompt> " answer <<< "typed"
echo "$answer"
IFS=, read -r a b c <<< "1,2,3,4"
echo "$a $b $c"
printf 'a\0b\0' | { while IFS= read -r -d '' item; do echo "item $item"; done; }
read -ra parts <<< "x y"
echo "${parts[1]}"
read -z 2>/dev/null; echo "bad option: $?"
