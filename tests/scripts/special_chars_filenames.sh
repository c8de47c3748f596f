# Files with spaces, dashes and newlines handled safely.
mkdir sp && cd sp
touch "with space" -dash "$(printf 'new\nline')"
for f in *; do printf '[%s]\n' "$f"; done | sort
rm -- -dash
ls | wc -l
find . -type f -name '* *' | sed 's,^\./,,'
