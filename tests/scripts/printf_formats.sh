printf '%s-%s\n' a b c d
printf '%5d|%-5s|%05.1f\n' 42 ab 3.14159
printf '%x %o %c %%\n' 255 8 hello
printf 'no newline'; echo
