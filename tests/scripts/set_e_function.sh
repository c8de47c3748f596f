set -e
f() { echo in-f; false; echo not-reached; }
f
echo after
