# Strings spanning lines, $'..' newlines, and printf into variables.
text="first
second"
echo "$text" | wc -l
nl=$'\n'
joined="a${nl}b${nl}c"
echo "$joined" | tail -n 1
printf -v lines '%s\n' x y z
echo -n "$lines" | wc -l
echo "${text%%$'\n'*}"
