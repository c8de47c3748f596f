# Here-documents: expanded, quoted, tab-stripped, and several on one line.
name=world
cat <<EOF
hello $name $(echo sub) $((1 + 1))
EOF
cat <<'EOF'
literal $name $(echo sub)
EOF
cat <<-EOF
	tabs stripped
		second level
	EOF
cat <<A; cat <<B
from a
A
from b
B
cat <<"END" | tr a-z A-Z
piped $name
END
