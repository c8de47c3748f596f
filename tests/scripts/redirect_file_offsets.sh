# A redirection's file is written at its descriptor's offset, shared as on Linux: `<>`
# reads and writes through one offset, `1<>` overwrites in place, `2>&1` and a group's
# commands go on where the last write ended, and `>>` always writes at the end.
echo foo > f; exec 3<> f; read -n 1 <&3; echo -n . >&3; exec 3>&-; cat f
echo foo > g; exec 4<> g; read -n 1 x <&4; echo "x=$x"; head -c 1 <&4; echo; echo -n . >&4; exec 4>&-; cat g
printf 'hello world\n' > h; echo ab 1<> h; cat h
printf 'hello world\n' > h; { echo ab; echo cd >&2; } 1<>h 2>&1; cat h
{ echo aaa; echo b; } > m; echo c >> m; cat m
exec 5>n; echo hello >&5; echo X > n; echo world >&5; exec 5>&-; od -c n
{ echo first; ls /nonexistent; echo third; } > o 2>&1; sed 's/:.*//' o
printf '12345' > q; exec 6<>q; head -c 2 <&6 >/dev/null; echo -n X >&6; exec 6>&-; cat q; echo
echo 12345678 > r; exec 7>>r; echo new >&7; exec 7>&-; cat r
