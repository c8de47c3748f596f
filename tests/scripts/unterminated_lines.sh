# An unterminated quote or expansion is reported on the line bash names.
for text in $'echo one\necho "abc\necho x\necho y' $'echo one\necho \'abc\necho x' $'echo one\necho `abc\necho x' \
    $'echo one\necho $(abc\necho x' $'echo one\necho ${abc\necho x' 'echo $((1+' $'x=$(echo\n'; do
    printf '%s\n' "$text" > script.sh
    bash script.sh 2>&1 | sed 's/^[^ ]*: //'
done
shopt -s expand_aliases
alias e_='echo "'
printf '%s\n' "var=x" "e_ '\${var}\"'" "echo after" > script.sh
bash -O expand_aliases -c "alias e_='echo \"'
$(cat script.sh)" 2>&1 | sed 's/^[^ ]*: //'
echo "status ${PIPESTATUS[0]}"
