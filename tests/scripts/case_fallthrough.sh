case b in
  a) echo a ;;
  b) echo b ;&
  c) echo c ;;
  d) echo d ;;
esac
case x in
  x) echo first ;;&
  *) echo second ;;
esac
