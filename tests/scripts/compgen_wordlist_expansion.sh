# compgen -W expands its words (parameters, command substitutions) and splits them at
# $IFS, keeping quoted and escaped delimiters.
name=world
compgen -W '$name "two words" three\ four'
IFS=':%'
compgen -W '$(echo "spam:eggs%ham cheese")'
compgen -W 'spam:eggs%ham cheese\:colon'
IFS=$' \t\n'
compgen -W 'apple apricot banana' ap
compgen -W 'foo $(( 1 / 0 )) bar'
echo "status $?"
compgen -W '${'
echo "status $?"
compgen -W 'x y' nomatch
echo "status $?"
compgen -W 'a.c b.o c.c' -X '*.c'
compgen -W 'ab ac bd' -X '!&*' a
