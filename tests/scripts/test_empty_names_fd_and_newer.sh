# test: an empty name is no file; /dev/fd/0-2 are the standard streams; -N compares
# the modification and access times (touch makes them equal).
t() { test "$@"; echo "test $*: $?"; }
touch abc
t -N abc
t -N nope
echo more >> abc
t -N abc
t -d ""; t -e ""; t -f ""; t -r ""; t "" -ef ""; t . -ef ""
[[ -e "" ]]; echo "[[ -e '' ]]: $?"
t -r /dev/fd/0 < /dev/null
t -w /dev/fd/1
t -w /dev/fd/2
t -r /dev/stdin < /dev/null
