# Splitting strings into arrays by different separators.
csv="a,b,,d"
IFS=, read -ra parts <<< "$csv"; echo "${#parts[@]}"
old=$IFS; IFS=,; set -- $csv; IFS=$old; echo "$#"
path="/usr/local/bin"
IFS=/ read -ra dirs <<< "$path"; echo "${#dirs[@]} [${dirs[0]}] ${dirs[3]}"
words="one  two   three"
arr=($words); echo "${#arr[@]}"
chars=$(echo hello | fold -w1); echo $chars
