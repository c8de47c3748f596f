# ${!name} follows a name; ${!prefix*} lists names; ${!arr[@]} lists indices.
target=hello
ref=target
echo "${!ref}"
arr=(x y z)
r='arr[1]'
echo "${!r}"
set -- one two three
n=2
echo "${!n}"
foo_a=1 foo_b=2 other=3
echo "${!foo_*}"
for name in "${!foo_@}"; do echo "$name=${!name}"; done
echo "${!arr[@]}"
