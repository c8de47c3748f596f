# `$'...'` and `$"..."` inside a double-quoted `${VAR-word}` (shopt extquote, on by
# default), and what they are without it.
echo "${x:-$'a\tb'}" | od -c | sed -n 1p
echo "${x:-$"loc"}"
echo "${x:-a$'\x41'b}"
echo "${x:-a$"b c"d}"
echo "${x:-'sq'}"
echo "${x-$'it''s'}"
y=$'\tz'; echo "${y#$'\t'}"
echo "$'not'"
shopt -p extquote
shopt -u extquote
echo "${x:-$'a\tb'}"
loc=HI
echo "${x:-$"loc"}"
echo "${x:-a$"b c"d}"
shopt -p extquote
bs='\'
del=$'\177'
shopt -s extquote
[[ bar == *$bs"$del"* ]] || echo ok 3
# A here-document is no double quote: $'...' stays as written there.
cat <<EOF
${none-a$'\101'b}
${none-a$"loc"b}
${none-"q"}
EOF
