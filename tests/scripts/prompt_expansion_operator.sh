# ${VAR@P} expands a string as bash expands its prompts.
PS1='\[foo\]>'
echo "${PS1@P}"
x='\'
y='h'
p='$x$y'
echo "${p@P}"
p='[\045]\1004\555'
echo "${p@P}"
p='[\x55] \\ \'
echo "${p@P}"
p='\n' ; printf '%s' "${p@P}" | od -An -c
name=world
p='hello $name $(echo sub) $((1 + 2))'
echo "${p@P}"
arr=('a\\b' 'c$name')
printf '<%s>\n' "${arr[@]@P}"
p='\s \v'
echo "${p@P}" | sed 's/[0-9.]*$/N/'
unset nothing
echo "[${nothing@P}]"
