# Inside $(...), a comment may hold a `)` or a quote, and a here-document's body
# brackets and quotes of any kind, as bash reads them.
x=$(cat <<EOF
don't (x) "say" $(echo it)
EOF
)
echo "$x"
y=$(cat <<'EOF'
quoted: don't ) $HOME `no`
EOF
)
echo "$y"
z=$(tr a-z A-Z <<-EOF
	tabbed (and) 'quoted
	EOF
)
echo "$z"
echo $(echo sh_352.27 ')' ")" \)
	# ) comment
	)
echo $(echo b # don't (stop)
)
f() {
  local v=$(cat <<END
in a function: (yes)
END
)
  echo "$v"
}
f
declare -f f
echo "$(echo "a # (not a comment)")"
x=$(cat <<'EOT'
d \
g
EOT
)
echo "$x"
