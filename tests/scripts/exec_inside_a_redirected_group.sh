# What `exec` changes inside a redirected group or function stays after it, except the
# descriptors the group's own redirections named, which go back; and an `exec` on one
# line of a command substitution holds for the lines after it.
{ exec 10>&1; } > out-f; echo "after the group"; echo "ten" >&10; cat out-f
{ exec 3> out-g; } > out-f; echo "three" >&3; cat out-g
f() { exec 4> out-h; }
f > out-f; echo "four" >&4; cat out-h
{ exec {fd}> out-k; } > out-f; echo "named" >&$fd; cat out-k
{ { exec 7>&1; } > out-a; } > out-b; echo "seven" >&7; echo "a: $(cat out-a) b: $(cat out-b)"
{ echo in; exec 1> out-n; echo in2; } > out-f; echo "stdout is back"; cat out-n out-f
exec 5>&1
z=$(exec 6>&1 >&5 5>&-
echo "straight out"
echo "captured" >&6)
echo "z=$z"
rm -f out-*
