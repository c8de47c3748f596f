# Here-documents inside functions and loops, expanded at each run.
show() {
  cat <<EOF
name=$1 count=$2
EOF
}
for i in 1 2; do show "item$i" "$i"; done
usage() {
  cat <<'EOF' | sed 's/^/  /'
usage: tool [options]
EOF
}
usage
while read -r line; do echo "read: $line"; done <<EOF
first
second
EOF
