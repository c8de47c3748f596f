# Quoting: single, double, ANSI-C and escapes mixed
a=one
echo '$a' "$a" $'tab\there' \$a "\$a" "a\"b" 'it'\''s'
echo "$a"'$a'$a
echo "${a}s" "${a}"'s'
