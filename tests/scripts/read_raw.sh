printf 'a\\b c\\\nnext\n' > f.txt
read -r x < f.txt; echo "$x"
read y < f.txt; echo "$y"
