# select: the menu on stderr laid out as bash lays it out, the reply in REPLY, the word
# it numbers in the name, the menu again after an empty reply, end of input ends it.
exec 2>&1
unset COLUMNS
printf '2\n\n9\nx\n' | { select x in a b c; do echo "got [$x] [$REPLY]"; done; echo "status $?"; }
printf '1\n' | { COLUMNS=20; select x in alpha beta gamma delta epsilon zeta eta theta iota kappa lambda; do echo "got $x"; break; done; }
printf '3\n' | { COLUMNS=80; select x in $(seq 1 30); do echo "got $x"; break; done; }
printf '26\n' | { COLUMNS=80; select x in a b c d e f g h i j k l m n o p q r s t u v w x y z; do echo "got $x"; break; done; }
set -- p q
printf '2\n' | { PS3="pick: "; select x; do echo "got $x"; break; done; }
printf ' 1 \n' | { select x in one two; do echo "trimmed reply: [$x] [$REPLY]"; break; done; }
f() { select x in a "b c"; do break; done; }
declare -f f
select x in; do echo never; done; echo "empty list: $?"
printf '1\n2\n' | { select x in a b; do echo "outer $x"; select y in c d; do echo "inner $y"; break 2; done; done; echo "after: $?"; }
