# An array assigned before a command reaches it as text: the words expanded, in
# parentheses.
x=5
A=a B=(b "c d" * $x) C=([k]=v) printenv A B C
B=() printenv B
B=(one) env | grep '^B='
