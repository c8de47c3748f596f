# bash 5.2 stops at a syntax error inside [[ ]] with status 0, unlike any other
echo before
[[ -z ]]
echo never
