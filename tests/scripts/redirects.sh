echo first > r.txt
echo second >> r.txt
cat < r.txt
wc -l < r.txt
cat /nonexistent 2> err.txt; echo "status $?"
wc -l < err.txt
cat /nonexistent > both.txt 2>&1
wc -l < both.txt
echo to-stderr >&2 2>/dev/null
cat <<END
heredoc line $HOME
END
cat <<'END'
literal $HOME
END
cat <<< "here string"
