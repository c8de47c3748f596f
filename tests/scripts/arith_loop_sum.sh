sum=0
for ((i = 1; i <= 100; i++)); do ((sum += i)); done
echo $sum
n=10; f=1
while ((n > 1)); do ((f *= n--)); done
echo $f
