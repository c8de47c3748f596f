n=$(seq 1 100 | wc -l)
echo $n
echo "$(printf 'a\nb\n' | sort -r)"
