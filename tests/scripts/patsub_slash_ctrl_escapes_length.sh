# After `//` a leading slash is the pattern's; `\cX` masks any character; `${#s}`
# counts bytes in the C locale and characters in a UTF-8 one.
x='a/b/c'
echo "${x////X}|${x///}|${x///X}|${x/#//X}|${x/%//X}|${x//\//X}"
y='slash / brace } hi'
echo ${y///}
printf %s $'\c0\c9-\ca\cZ\c-\c+\c"\c?' | od -An -c
s=$'\xce\xbc'
echo "${#s}"
LC_ALL=C.UTF-8
echo "${#s}"
