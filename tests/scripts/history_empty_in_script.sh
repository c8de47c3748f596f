history | wc -l
echo ok
