# read without -r joins lines ending in a backslash and drops other backslashes.
printf 'one \\\ntwo\n' | { read a; echo "[$a]"; }
printf 'a\\tb\n' | { read a; echo "[$a]"; }
printf 'a\\tb\n' | { read -r a; echo "[$a]"; }
printf 'x\\ y z\n' | { read a b; echo "[$a] [$b]"; }
printf 'no newline at end' | { read a; echo "status $? [$a]"; }
printf '' | { read a; echo "empty: $?"; }
