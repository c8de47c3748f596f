upper() { tr a-z A-Z; }
echo shout | upper
numbers() { seq 1 4; }
numbers | tail -n 2
numbers | upper | wc -l
words() { for w in "$@"; do echo $w; done; }
words c a b | sort
