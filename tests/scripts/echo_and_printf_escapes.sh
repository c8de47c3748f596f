# echo -e and printf %b agree on escapes
echo -e "a\tb\nc"
printf "%b\n" "a\tb\nc"
echo -e "\x41\0102"
printf "%b\n" "\x41\0102\102"
