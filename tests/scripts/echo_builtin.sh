# echo as bash's builtin
echo -n "no newline"; echo
echo -e 'tab\there' 'oct\0101' 'hex\x41'
echo -E 'raw\tstays'
echo -ne 'both\n'
echo -- -n
echo -x -n
echo 'a\cb'
echo -e 'cut\chere'
echo
echo -n
echo "last"
