# Repeated and trailing `**`, as bash's glob_filename expands them: a literal directory
# before a last `**` is listed with its slash, a globbed one without; a path found by two
# routes is listed twice; a symbolic link to a directory is not followed below `**`.
shopt -s globstar
mkdir -p {a,b}/{a,b}/{a,b} c
touch a/f a/a/g c/h
ln -s ../a c/link
p() { printf '<%s>\n' "$@"; }
for pattern in 'a/**' 'a/**/**' 'a/**/**/**' '**/a/**' '**/a/**/**' '**/**/a/**' \
  '*/**' '*/a/**/' 'a/**/a' '**/g' 'c/**' 'c/**/g' '**/link/*' '*/**/**/f' 'a/*/**/'; do
  echo "== $pattern"
  eval "p $pattern"
done
cd a && echo "== ../**/h" && p ../**/h
