# Counting loops: brace ranges, seq, and C-style, with steps.
for i in {0..10..5}; do echo -n "$i "; done; echo
for i in $(seq 0 5 10); do echo -n "$i "; done; echo
for ((i = 10; i >= 0; i -= 5)); do echo -n "$i "; done; echo
seq -w 8 11 | tr '\n' ' '; echo
seq -s: 3; seq 1.5 0.5 3 | tr '\n' ' '; echo
