# printf %b expands backslash escapes in its argument; the format has its own.
printf '%b\n' 'tab\there' 'new\nline' 'bell\a' 'oct\0101' 'hex\x41' 'stop\c ignored'
printf 'a\tb\\n\n'
printf '%s\n' 'a\tb'
printf '\101\x42\n'
