n=3
echo "n+1=$((n + 1))" 'no $((n))'
echo $(( $(echo 6) * 7 ))
