# A syntax error inside $(...) is the error of the command holding it, found when that
# command is read (nothing of it runs), as bash 5.2 reads it; -c text ends with 127.
for text in ': $( for z in 1 2 3; do )' ': $( for z in 1 2 3; done )' 'echo $( if )' \
  'echo "$(for)"' 'echo ok; echo $(echo a; fi)' 'echo $(echo fine)' \
  'echo "$(echo "$(fi)")"' 'eval "echo \$(fi)"; echo $?' 'eval "fi"; echo $?'; do
  bash -c "$text" comsub 2>&1
  echo "status $?"
done
printf 'echo start\necho $(echo a; fi)\necho after\n' > script.sh
bash script.sh 2>&1
echo "status $?"
printf 'eval "echo \\$(fi)"\necho not reached\n' > eval.sh
bash eval.sh 2>&1
echo "status $?"
# A here-document whose tag is ) inside an unclosed $( is unfinished text.
printf 'echo $(\ncat << %s\nhello\n)\n' "')'" > unclosed.sh
bash unclosed.sh 2>&1
echo "status $?"
