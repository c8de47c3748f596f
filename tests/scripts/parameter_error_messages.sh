# `${x?}` and `${x:?}` say "parameter not set" or "parameter null or not set"; an
# element or all of an array is named with its subscript.
for s in 'echo ${x?}' 'echo ${x:?}' 'x=; echo ${x:?}' 'echo ${x?msg}' 'echo ${1?}' \
  'set -u; a=(); echo ${a[1]}' 'a=(); echo ${a[1]?}' 'a=(); echo ${a[@]?}' \
  'a=(); echo ${a[*]:?}' 'a=(1); echo ${a[0]:1:x+}' 'echo ${*?}' 'echo ${!a[1]}' \
  ': "${HOME:?}" && echo home set'; do
  bash -c "$s" 2>&1 | sed 's/.*line [0-9]*: //'
done
