set -e
(false; echo "subshell continues?")
echo "parent after"
