up() { tr a-z A-Z; }
echo hello | up
printf 'b\na\n' | { sort; echo sorted; }
