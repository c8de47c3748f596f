# A here-document holding command substitutions and arithmetic, into a file.
n=3
cat > report.txt <<EOF
Report
======
items: $n
double: $((n * 2))
list: $(seq -s, 1 $n)
EOF
cat report.txt
grep -c '' report.txt
