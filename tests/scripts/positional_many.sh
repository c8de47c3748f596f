# More than nine positional parameters, shift, and set --.
set -- a b c d e f g h i j k l
echo "$# ${10} ${12} $10"
shift 3
echo "$1 ${9} $#"
shift 20 2>/dev/null || echo "shift past the end: $?"
echo "$#"
set --
echo "none: $#"
set -- "$(echo one two)" three
echo "$# [$1]"
