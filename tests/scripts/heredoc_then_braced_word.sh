# A ${...} word after a here-document's tag on the same line keeps its text.
f=out.txt
cat <<EOF > ${f}
x
EOF
cat <<-EOF >> ${f}
	y
	EOF
cat "$f"
cat <<EOF ${f}
z
EOF
cat <<EOF; echo ${f} ${g:-a  b} "${f}" ${f%%.*}${f##*.}
w
EOF
