# Patterns in ${x#...}, ${x%...} and ${x/.../...}: classes, brackets, quoting.
v="abc123def456"
echo "${v//[0-9]/#}" "${v//[[:alpha:]]/}" "${v%%[0-9]*}" "${v##*[a-z]}"
pat='[0-9]'
echo "${v//$pat/N}" "${v//"$pat"/N}"
star='*'
x='a*b*c'
echo "${x//"$star"/+}" "${x//\*/-}"
echo "${v/#abc/X}" "${v/%456/Y}" "${v/c*f/_}"
