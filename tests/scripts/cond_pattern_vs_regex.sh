# Patterns and regexes side by side
f=report-2024.txt
[[ $f == report-*.txt ]] && echo glob
[[ $f =~ report-([0-9]+)\.txt ]] && echo "regex ${BASH_REMATCH[1]}"
[[ $f == *[0-9][0-9][0-9][0-9]* ]] && echo digits
[[ $f =~ ^[a-z]+$ ]] || echo "not only letters"
