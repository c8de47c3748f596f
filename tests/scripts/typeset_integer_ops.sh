# Integer attribute with increments and expressions
typeset -i n=10
n+=5
n=n*2
echo $n
(( n-- ))
echo $n
typeset -i bad="3 + x"
echo $bad
