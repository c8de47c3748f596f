set -e
echo one
true
false
echo never
