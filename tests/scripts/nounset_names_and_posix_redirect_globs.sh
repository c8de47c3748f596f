# `set -u` names an unbraced positional parameter as written (`$9`) and an indirect
# one with its `!`; in POSIX mode a script's redirection matches no files.
for s in 'echo $9' 'echo ${9}' 'echo "a$9b"' 'f=bar; echo ${!f}' 'echo ${#9}' 'echo ${9:-ok}'; do
  bash -uc "$s" 2>&1 | sed 's/.*line [0-9]*: //'
done
dir=$(mktemp -d)
printf 'line 1\nline 2\n' > "$dir/lf"
set -o posix
B=$(< "$dir"/lf*) 2>/dev/null
cat < "$dir"/l? 2>&1 | sed 's/.*: //'
set +o posix
C=$(< "$dir"/lf*)
echo "[$B] [$C]"
rm -r "$dir"
