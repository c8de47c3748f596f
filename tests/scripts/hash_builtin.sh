# hash remembers where commands were found.
hash -r
hash | head -1
ls / > /dev/null
hash -t ls | sed 's,.*/,,'
hash -d ls; hash -t ls 2>/dev/null || echo "forgotten: $?"
hash nosuch_zz 2>/dev/null || echo "not found: $?"
