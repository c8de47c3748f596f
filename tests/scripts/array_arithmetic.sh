# Array elements inside arithmetic
n=(3 4 5)
echo $(( n[0] + n[1] * n[2] ))
(( n[1] += 10 ))
echo "${n[1]}"
i=2
echo $(( n[i] ))
let 'n[0]++'
echo "${n[0]}"
sum=0
for v in "${n[@]}"; do (( sum += v )); done
echo "$sum"
squares=()
for ((k = 0; k < 5; k++)); do squares[k]=$((k * k)); done
echo "${squares[*]}"
