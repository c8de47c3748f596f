# In `[[`, a unary operator takes the word after it whatever it is, as bash's parser
# does: `[[ -f == ]]` tests for a file named `==`.
[[ -f -f ]]; echo "file -f: $?"
[[ -f == ]]; echo "file ==: $?"
touch ./==
[[ -f == ]]; echo "file == now: $?"
[[ -n = ]]; echo "-n of =: $?"
[[ -z -z ]]; echo "-z of -z: $?"
