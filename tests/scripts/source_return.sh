printf 'echo part1\nreturn 7\necho part2\n' > r.sh
. ./r.sh
echo "status $?"
