seq 1 1000 | grep 7 | sort -n | tail -n 3 | tr '\n' ' ' | wc -w
