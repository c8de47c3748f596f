# Errors of builtins and arithmetic, in bash 5.2's words.
{
( unset HOME; cd; echo $? )
logout; echo $?
for i in 1 2 3; do continue 0; echo x; done
readonly V=1; for V in 1 2; do echo $V; done; echo st $?
trap -p NOSIG; echo $?
trap -p -s X; echo $?
kill -INT ""; echo $?
bg; fg; echo $?
shopt -s -u x; echo $?
shopt -s -o nosuch; echo $?
for e in '1 +' '/bin/sh + 0' '1 2' 'a b' '1 +* 2' '08' '2#2' 'x=' '5++' '3425#56' '2#' \
    '7 = 43 ' '2#44' '0#4' '2#110#11' '4 + ' '4 ? : 3 + 5 ' '1 ? 20 ' '4 ? 20 : ' '7-- ' \
    '--x=7 ' '++x=7 ' 'x++=7 ' 'x--=7 ' '12a' '0x1g' '09' '$x' '65#1' '1#1' '1 + 08' \
    '44 / 0 ' 'b /= 0 ' '2**-1 ' '1 + 2#3 + 1'; do
  ( b=1; eval "echo \$(( $e ))" )
done
let 'rv = 7 + (43 * 6'
} 2>&1 | sed 's/^[^ ]*: line [0-9]*: //'
