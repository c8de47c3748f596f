echo alpha beta/gamma.tar.gz
echo !$:h !$:t !:1
^alpha^omega
echo $HISTCMD $HISTSIZE $HISTFILESIZE
false
echo !nothing-like-it
echo "a failed expansion leaves the status: $?"
echo one two three
echo !!:2-3:p
echo "after :p: $?"
echo !?two?:% !-3:0
for i in 1 2; do
  echo !!:1
done
history 3
