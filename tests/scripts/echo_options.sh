# echo's options and escapes.
echo -n "no newline"; echo "|"
echo -e "a\tb\nc"
echo -E "a\tb"
echo -ne "x\ny\n"
echo -- -n
echo -nx
echo "-e" "\t"
echo -e "octal \0101 hex \x42 stop\c never"
echo
