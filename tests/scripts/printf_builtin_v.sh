# printf -v assigns instead of printing; arrays elements too.
printf -v greeting 'Hello, %s!' World
echo "$greeting"
printf -v padded '%05d' 42
echo "$padded"
declare -a row
printf -v 'row[2]' '%s-%s' a b
echo "${row[2]}"
printf -v hex '%x %X %o' 255 255 8
echo "$hex"
printf '%s\n' "${greeting//!/?}"
