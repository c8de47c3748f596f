# The commands before a syntax error in eval'd or sourced text run, as in bash.
eval 'echo first
echo second )
echo never' 2>&1 | sed 's/^.*eval: //'
echo "eval status ${PIPESTATUS[0]}"
printf 'echo s1\necho s2 )\necho s3\n' > src.sh
. ./src.sh 2>&1 | sed 's/^.*src.sh: //'
echo "source status ${PIPESTATUS[0]}"
shopt -s expand_aliases
eval 'alias ev=echo
ev read-after-the-alias-line'
printf 'alias sv=echo\nsv sourced-alias\n' > src2.sh
. ./src2.sh
echo 'echo (' > src3.sh
. ./src3.sh 2>&1 | sed 's/^.*src3.sh: //'
