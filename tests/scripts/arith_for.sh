for ((i = 0; i < 5; i++)); do printf '%d ' $i; done; echo
for ((i = 10; i > 0; i -= 3)); do printf '%d ' $i; done; echo
