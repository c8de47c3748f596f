# The DEBUG trap runs for a for loop's header before each turn, for case before it
# matches, and for each part of an arithmetic for, with $LINENO on their lines.
debuglog() { echo "  [$1]"; }
trap 'debuglog $LINENO' DEBUG
for x in 1 2; do
  echo x=$x
done
name=foo.py
case $name in
  *.py) echo python ;;
esac
for (( i = 3; i < 5; ++i )); do
  echo i=$i
done
trap - DEBUG
echo ok
