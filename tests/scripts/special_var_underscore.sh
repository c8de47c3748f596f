# $_ is the last argument of the previous command.
echo one two three
echo "$_"
true last_word
echo "$_"
f() { :; }
f argument
echo "$_"
