name=world
cat <<EOF
hello $name
  indented $((1+1))
EOF
cat <<'EOF'
no $name expansion
EOF
cat <<"END"
also $literal
END
