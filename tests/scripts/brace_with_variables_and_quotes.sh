# Brace expansion happens before variables and keeps quotes
v=X
echo {"$v",y}z
echo "{a,b}"{c,d}
echo {a,b}"$v"
echo ${v}{1,2}
