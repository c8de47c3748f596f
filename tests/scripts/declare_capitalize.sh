# declare -c (bash's undocumented capitalize attribute): the first character upper case,
# the rest lower, on every assignment; listed last among the attributes.
declare -c w
w="hello WORLD"
echo "$w"
w+=" Foo"
echo "$w"
declare -cixr q=5
declare -p q
declare -l z
declare -c z
z=ABC
declare -p z
echo "${z@a}"
declare +c z
z=ABC
declare -p z
