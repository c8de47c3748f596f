# In an assignment, the word of an unquoted ${VAR-word}, ${VAR:-word}, ${VAR+word} or
# ${VAR:+word} expands a tilde after each colon as the value itself does; quoted, as an
# argument, or in ${VAR=word}, it does not.
HOME=/home/bar
x=~:${undef-~:~}
echo "$x"
x=${undef-a:~}; echo "$x"
x=${undef:-a:~/b:c}; echo "$x"
x="${undef-a:~}"; echo "$x"
y=1
x=${y:+a:~}; echo "$x"
x=${y+b:~:'~'}; echo "$x"
x=${undef-"a":~}; echo "$x"
x=${undef2-$y:~}; echo "$x"
x=${undef3=a:~}; echo "$x $undef3"
echo ${undef-a:~}
declare d=${undef-a:~}; echo "$d"
arr=(${undef-a:~} [3]=${undef-b:~})
echo "${arr[@]}"
