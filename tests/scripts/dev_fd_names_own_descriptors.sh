# `/dev/fd/N` in a redirection is the shell's descriptor N opened again, as on Linux: a
# file from its start (`>` empties it, `>>` appends), a pipe as it is; one not open is
# no such file. `test` sees what the descriptor holds.
exec 6>f6
echo hi >/dev/fd/6
echo there >>/dev/fd/6
cat f6
exec 7<f6
read line </dev/fd/7; echo "read: $line"
cat </dev/fd/7
read line <&7; echo "its own offset: $line"
echo x 2>/dev/null >/dev/fd/9; echo "not open: $?"
{ echo in-group >/dev/fd/3; } 3>out3; cat out3
{ echo a; echo b >>/dev/fd/3; } 3>>out3; cat out3
test -f /dev/fd/6; echo "file: $?"
test -p /dev/fd/6; echo "not a fifo: $?"
echo piped | { test -p /dev/fd/0 && echo "stdin is a pipe"; }
exec 6>&- 7<&-
test -e /dev/fd/6; echo "closed: $?"
# A process substitution's /dev/fd/N, which the shell holds no descriptor for, is still
# the pipe it names.
count() { wc -l < "$1"; cat < "$1"; }
count <(printf 'a\nb\n')
