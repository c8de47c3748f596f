n=0
for x in a b c d e; do n=$x; done
echo "last $n"
while false; do echo never; done
echo "after while: $?"
until true; do echo never; done
count=0
for i in 1 2 3 4 5 6; do
  case $i in
    4) break ;;
  esac
  echo "turn $i"
done
