# An assignment expands a tilde after each unquoted colon too (PATH-like values), in
# plain, prefix and declared assignments; quoted ones and array elements keep theirs.
HOME=/home/test
x=~:~/bin:a~:'~':"~"
echo "$x"
y=~ z=a:~ sh_unused=1
echo "$y $z"
PATHLIKE=~/bin:~/local/bin bash -c 'echo "$PATHLIKE"'
declare d=~:~
echo "$d"
arr=(~ x:~ [5]=~:~)
echo "${arr[@]}"
declare -A assoc
assoc=([k]=~:~ [j]=~)
echo "${assoc[k]} ${assoc[j]}"
