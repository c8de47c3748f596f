# readonly and export, with and without values; -p listings.
readonly A=1 B
B=2 2>/dev/null || echo "B is readonly before it has a value"
export E1=one
export E2
E2=two
sh -c 'echo "child: $E1 $E2"'
export -n E1
sh -c 'echo "after export -n: ${E1-unset}"'
readonly -p | grep -E ' (A|B)(=|$)' | sed 's/declare/d/'
export -p | grep -E ' E2=' | sed 's/declare/d/'
