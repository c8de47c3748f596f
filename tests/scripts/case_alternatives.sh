for v in x y z q; do
  case "$v" in
    x|y) echo "$v in xy";;
    z) echo z ;;
    *) echo default
  esac
done
case nothing in esac; echo "empty case $?"
