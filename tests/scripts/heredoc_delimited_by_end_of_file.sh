# A here-document whose tag never comes is delimited by the end of the script, each line
# of it ended by a newline; bash warns of it when it reaches the command, after the
# commands before it have run.
printf 'echo 1\ncat <<EOF\nq $((1+1))\nEOF \n' > open.sh
bash open.sh 2>&1
printf 'cat <<EOF\nno newline at the end' > open2.sh
bash open2.sh 2>&1 | od -c | sed 's/  */ /g'
printf 'cat <<A; cat <<-B\na\n\tb\n' > two.sh
bash two.sh 2>&1
bash -c 'echo x; cat <<END
y' 2>&1 | sed 's/^[a-z]*: //'
