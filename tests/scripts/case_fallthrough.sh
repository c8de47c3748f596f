# case with ;& (fall through) and ;;& (test the next patterns too).
for x in a b c; do
  case $x in
    a) echo "a" ;&
    b) echo "a or b" ;;&
    [ab]) echo "bracket a/b" ;;
    *) echo "other $x" ;;
  esac
done
case "" in "") echo "empty matched" ;; esac
case x in (x) echo "parenthesized" ;; esac
