# A remembered program that is gone: run from where it was remembered (and fails), but
# searched for again with `shopt -s checkhash` or in POSIX mode, as in bash.
hash -p /nonexistent/ls ls
ls /dev/null 2>&1 | sed 's/.*line [0-9]*: //'
echo "status ${PIPESTATUS[0]}"
shopt -s checkhash
ls /dev/null
echo "status $?"
hash -t ls | sed 's|.*/||'
set -o posix
hash -p /nonexistent/cat cat
echo x | cat
