# A here-document that the end of eval's text, a sourced file or a `-c` string
# delimits: bash's warning, on the line bash names, and the command still runs.
printf 'echo b\ncat <<X\nbody' > sourced.src
eval "cat <<E"
echo "status $?"
. ./sourced.src 2>&1
bash -c '. ./sourced.src' 2>&1
bash -c 'eval "cat <<E"' name 2>&1
bash -c 'cat <<E; echo after' name 2>&1
bash -c 'cat <<A <<B' name 2>&1
echo "status $?"
