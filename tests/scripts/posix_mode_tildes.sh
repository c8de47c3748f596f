# Outside POSIX mode bash expands a tilde after the = and each : of an argument that
# looks like an assignment; in POSIX mode only at a word's start.
HOME=/usr/xyz
echo foo=bar:~ PATH=~/bin:~/sbin
h=HOME=~
eval echo $h
set -o posix
echo foo=bar:~ PATH=~/bin:~/sbin
eval echo $h
echo ~/x
x=~/y:~/z
echo "$x"
