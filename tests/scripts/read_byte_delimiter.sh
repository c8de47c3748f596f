# `-d` names a byte, also one that is not UTF-8 on its own.
s=$'a\xffb\xffc\xff'
mapfile -t -d $'\xff' array <<<"$s"
declare -p array
mapfile -d $'\xff' kept <<<"$s"
printf '%q\n' "${kept[@]}"
read -d $'\xff' x <<<"$s"; declare -p x
IFS= read -r -d $'\xe9' y <<<$'caf\xe9 au lait'; declare -p y
read -d 'é' z <<<$'caf\xc3\xa9'; declare -p z
