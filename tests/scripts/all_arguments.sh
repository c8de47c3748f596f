for a in "$@"; do echo "[$a]"; done
for a in $*; do echo "<$a>"; done
echo "$*"
each() { for x in "$@"; do echo "-$x-"; done; }
each "one two" three
each
echo "count $#"
