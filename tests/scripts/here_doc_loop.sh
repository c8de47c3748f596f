while read k v; do
  echo "key=$k value=$v"
done <<EOF
a 1
b 2
EOF
