set -e
false | true
echo "pipeline ok"
set -o pipefail
false | true
echo never
