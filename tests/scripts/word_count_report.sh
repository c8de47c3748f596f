cat > text.txt <<'EOF'
the cat sat on the mat
the dog sat on the log
EOF
tr ' ' '\n' < text.txt | sort | uniq -c | sort -rn | head -n 3
