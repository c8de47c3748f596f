touch f1 f2 f10 fa
echo f? 
echo f[0-9]
echo f[!0-9]
echo f[12]*
