greet() {
  echo "hello $1"
  return 4
}
greet world
echo "status $?"
twice() { "$@"; "$@"; }
twice echo again
count() { echo $#; }
count a b c
nested() { inner() { echo inner; }; inner; }
nested
inner
