# ${!name} indirection, also through arrays
target=value
name=target
echo "${!name}"
set -- one two three
n=2
echo "${!n}"
arr=(a b c)
ref='arr[1]'
echo "${!ref}"
all='arr[@]'
echo "${!all}"
prefix_one=1 prefix_two=2
echo "${!prefix_@}"
for v in "${!prefix_@}"; do echo "$v=${!v}"; done
