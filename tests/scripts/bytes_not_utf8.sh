# Bytes that are not UTF-8 stay the bytes they were: in $'...', a command's output, a
# line read, printf -v, here-strings, and in how %q, ${x@Q} and declare -p show them.
show() { od -An -tx1; }
printf %s $'\377' | show
echo -n $'\xff\xfe\xce\xbc' | show
x=$'\377'; echo "length ${#x}"
x=$(printf '\377\376'); echo -n "$x" | show
echo "substitution length ${#x}"
printf '\377a\n' | { read -r l; echo -n "$l" | show; }
cat <<< $'\377' | show
printf -v v '\377\200'; echo -n "$v" | show
echo -e '\0377' | show
printf '%q\n' $'\377' "a$'\200'b"
y=$'a\377'; echo "${y@Q}"
declare -p y
case $'\377' in $'\377') echo "pattern matches the byte";; esac
z=$'\377b'; echo "${z:1}"
mapfile -t lines < <(printf 'x\377\ny\n'); echo -n "${lines[0]}" | show
