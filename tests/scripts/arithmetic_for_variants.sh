# for (( )) with missing parts, and C-style loops over arrays.
a=(10 20 30)
for (( i = 0; i < ${#a[@]}; i++ )); do echo "a[$i]=${a[i]}"; done
for (( i = 3; i; i-- )); do echo -n "$i "; done; echo
j=0
for (( ; j < 2; )); do echo "j=$j"; (( j++ )); done
for (( k = 0; ; k++ )); do (( k > 2 )) && break; echo "k=$k"; done
