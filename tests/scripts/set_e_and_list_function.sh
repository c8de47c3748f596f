set -e
f() { false; echo "f continues"; }
f && echo "f ok" || echo "f failed"
echo done
