if true; then
	cat <<-EOF
		tabs stripped
	end
	EOF
fi
