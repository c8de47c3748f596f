# Pattern removal and substitution: nocasematch holds for ${v/p/r} (not for # and %),
# extglob forms need `shopt -s extglob`, and long values are matched in one pass
# (bash's new-exp8 test: a 1000-item string through each kind of pattern).
string=abcd
shopt -s nocasematch
echo ${string//A/z} ${string//BC/x} ${string//[BC]/x} ${string//[bC]/x} ${string//?/z}
echo ${string#A} ${string%D} ${string/#A/x} ${string/%D/y}
shopt -u nocasematch
s=aaa
echo ${s#?(a)} ${s%+(a)} ${s//?(a)/-}
shopt -s extglob
echo ${s#?(a)} ${s%+(a)} ${s//+(a)/-}
s=abcabc; echo ${s%bc} ${s%%?c} ${s%x} ${s%[a-c]} ${s#*b} ${s##*b} ${s/%c/C} ${s//@(b|bc)/_}
z=start
for ((i = 0; i < 1000; i++)); do z="$z;string$i"; done
for pat in 'str' '[^;]' '[[:alnum:]_]' '?tr' '*tr' 'string9*' ';string[0-9]'; do
    r=${z//$pat/}; echo "$pat ${#r} ${r:0:40}"
    r=${z/$pat/X}; echo "$pat ${#r} ${r:0:40}"
    r=${z#$pat}; r2=${z##$pat}; r3=${z%$pat}; r4=${z%%$pat}
    echo "$pat ${#r} ${#r2} ${#r3} ${#r4}"
done
