n=0
printf '1\n2\n3\n' | while read x; do n=$((n + x)); done
echo "outside: $n"
while read x; do n=$((n + x)); done <<EOF
1
2
3
EOF
echo "redirected: $n"
