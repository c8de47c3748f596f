echo `echo back`
n=`expr 2 + 3`; echo $n
echo "`echo quoted`"
