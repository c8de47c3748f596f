for name in alpha beta; do
  cat <<EOT
name: $name
EOT
done
