# Arithmetic errors: $((...)) ends the command line, ((...)) only fails
echo before
x=$((1 / 0)); echo "same line, not run"
echo "next line: $?"
((1 / 0))
echo "after (( )): $?"
y=$(( 2 + )); echo "not run either"
echo end
