s=abcdefgh
echo ${s:2} ${s:2:3} ${s: -3} ${s: -3:2} ${s:0:1}
n=2
echo ${s:n:n+1}
# A `:` closing a `?` of the offset belongs to the offset.
s='abcd'
echo ${s: 0 < 1 ? 2 : 0 : 1} ${s: 1 ? 1 : 0} ${s:(1 ? 2 : 0):1}
