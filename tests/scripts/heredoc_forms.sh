# Here-documents: expanded, quoted, tab-stripped
name=world
cat <<EOF
hello $name $((1+1))
EOF
cat <<"EOF"
not $expanded
EOF
cat <<-EOF
		tabs removed
	EOF
cat <<< "here string $name"
