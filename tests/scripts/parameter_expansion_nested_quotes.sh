# Quotes inside ${...} in and out of double quotes.
unset u
echo ${u:-"quoted default"}
echo "${u:-'single in double'}"
echo ${u:-'single'}
v='a b'
echo "${v/a/"x y"}"
echo ${u:-$'ansi\tdefault'}
echo "${u:-\$escaped}"
