# Every form of for
for x in a b; do echo "$x"; done
set -- p q
for x; do echo "arg $x"; done
for ((i = 0, j = 10; i < 3; i++, j--)); do echo "$i $j"; done
for x in; do echo never; done
for x in $(echo 1 2); do echo "sub $x"; done
