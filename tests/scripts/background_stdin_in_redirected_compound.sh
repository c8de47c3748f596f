# A background command reads /dev/null, unless a compound command around it has its
# own standard input (a redirection, a here-document, a pipe), as in bash.
for x in 1 2 3; do
  { read line ; echo $line ; } &
  wait
done << EOF
ab
cd
ef
EOF
while read -r l; do
  { read -r next; echo "$l then $next"; } &
  wait
done <<< $'1\n2\n3\n4'
echo piped | { cat & wait; }
{ cat & wait; } <<< "here string"
cat & wait; echo "no input: $?"
