# Brace expansion happens before variables: {1..$n} is not a range.
n=3
echo {1..$n}
eval echo {1..$n}
for i in $(seq 1 $n); do echo -n "$i "; done; echo
a=x b=y
echo {$a,$b}
echo {"$a","$b"}1
echo {1..3}{a,b}
