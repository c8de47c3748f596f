# ^ ^^ , ,, with and without patterns.
s="hello world"
echo "${s^}" "${s^^}" "${s^^[lo]}" "${s^o}"
t="HELLO WORLD"
echo "${t,}" "${t,,}" "${t,,[LW]}"
a=(one two)
echo "${a[@]^}" "${a[@]^^}"
