# Delimiters quoted in part still turn off expansion; the body keeps backslashes.
v=val
cat <<"E"OF
$v \$v
EOF
cat <<E\OF
$v
EOF
cat <<EOF
\$v is escaped, \\ is one backslash, \t stays
EOF
