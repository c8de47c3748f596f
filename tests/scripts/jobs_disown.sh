# disown takes jobs out of the table; they are no longer listed or waited for.
sleep 0.2 & disown; jobs; echo "[$(jobs -p)]"
sleep 0.3 & sleep 0.4 & disown -a; jobs; echo "after -a"
disown %5; echo "missing: $?"
disown; echo "none: $?"
disown -x; echo "option: $?"
sleep 0.2 & (exit 0) & sleep 0.1; disown -r; echo "left: $(jobs -p | wc -l)"
wait; echo "waited: $?"
