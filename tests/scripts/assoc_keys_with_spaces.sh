# Associative keys with spaces and special characters
declare -A h
h["two words"]=1
h[dash-key]=2
h["*"]=3
k="two words"
echo "${h[$k]} ${h[dash-key]} ${h[*]+set}"
echo "${#h[@]}"
