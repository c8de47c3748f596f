# read from here-strings in arithmetic loops.
sum=0
for line in "1 2" "3 4" "5 6"; do
  read -r x y <<< "$line"
  (( sum += x * y ))
done
echo "$sum"
read -r -a nums <<< "10 20 30"
echo $(( nums[0] + nums[2] ))
