# for loops over globs, words, and command output.
mkdir lo && cd lo && touch b.txt a.txt c.log
for f in *.txt; do echo "txt: $f"; done
for f in *.none; do echo "unmatched pattern stays: $f"; done
for w in "one two" three; do echo "[$w]"; done
for n in $(seq 3 -1 1); do echo -n "$n "; done; echo
for x; do echo "arg $x"; done
set -- p q
for x; do echo "arg $x"; done
