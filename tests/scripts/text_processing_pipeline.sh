# A word-frequency pipeline with coreutils.
cat > text.txt <<'END'
the quick brown fox jumps over the lazy dog
The dog barks and the fox runs
END
tr 'A-Z' 'a-z' < text.txt | tr -s ' ' '\n' | sort | uniq -c | sort -k1,1nr -k2 | head -n 3
wc -w < text.txt
grep -c fox text.txt
cut -d' ' -f2,4 text.txt
