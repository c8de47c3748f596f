# set -C with >, >> and >|
set -C
echo one > f
echo two > f 2>/dev/null || echo "refused"
echo three >> f
echo four >| f
cat f
