# Consuming arguments with shift in a while loop.
set -- -a 1 -b 2 file1 file2
while [ $# -gt 0 ]; do
  case $1 in
    -a|-b) echo "option $1 = $2"; shift 2 ;;
    *) echo "operand $1"; shift ;;
  esac
done
echo "left: $#"
