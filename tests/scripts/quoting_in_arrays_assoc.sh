# Keys and values with spaces and quotes in associative arrays.
declare -A h
h["key one"]="value 'one'"
h[key\ two]="value \"two\""
k="key three"; h[$k]=3
for key in "key one" "key two" "key three"; do echo "$key => ${h[$key]}"; done
declare -p h | tr ' ' '\n' | grep -c '='
