# An associative array's subscript in arithmetic is expanded once as a word and taken
# as the key whatever it holds, as bash 5.2 does: word counting with `(( n[$w]++ ))`.
declare -A count
for w in "80's" "a b" x-y /usr/bin % "~" '$x' '*' 'a[1]' -1 1+1 @ "80's"; do
  (( count[$w]++ ))
  (( count["$w"] += 2 ))
  echo "$w: $(( count[$w] )) ${count[$w]}"
done
declare -p count
declare -A A
(( A[~]++ )); (( A["x y"]++ )); (( A[ sp ]++ )); (( A[a[1]]++ )); (( A[$(echo hi)]++ ))
k='$(echo no)'; (( A[$k]++ ))
echo $(( A[~] + A[x y] ))
let "A[%]=3" 'A[$k]+=5'
A[']']=10
string=abcdefghijklmnopqrstuvwxyz
k1='%'
echo "${string:A[%]:A[$k1]}"
declare -p A
key='x],b[$(echo uname >&2)'
declare -A q
(( q[$key]++ )); (( q['$key']++ )); (( q["$key"]++ ))
declare -p q
declare -a I
i=2; (( I[$i+1]++ )); (( I[ 1 ]++ )); declare -p I
set -x
(( A[$k1] += 1 ))
set +x
