# Through `${!ref}` with ref=a[@] or a[*], inside double quotes, `:-` counts an array
# that has elements as set and not null, even when they are empty, as bash does.
a=("")
ref='a[@]'
echo "1 '${a[@]:-w}' '${a[*]:-w}' '${!ref:-w}'"
ref='a[*]'
echo "2 '${!ref:-w}' '${!ref-n}'"
a=("" "")
ref='a[@]'; echo "3 '${a[@]:-w}' '${!ref:-w}'"
IFS=
ref='a[*]'; echo "4 '${a[*]:-w}' '${!ref:-w}'"
a=("")
ref='a[@]'; echo 5 [${!ref:-w}]
ref='a[*]'; echo 6 [${!ref:-w}]
a=()
ref='a[@]'; echo "7 [${!ref:-w}] [${!ref-u}]"
