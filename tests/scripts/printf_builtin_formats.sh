# printf as a builtin: conversions, flags, widths and reuse of the format
printf '%s|%5s|%-5s|%.2s\n' a b c def
printf '%d %i %+d % d %05d %-4d|\n' 42 -7 3 4 5 6
printf '%.4x %#x %X %#o %o\n' 42 255 255 8 8
printf '%u %x\n' -1 -1
printf '%f %.2f %10.3f %-8.1f|\n' 3.14159 2.5 1 9.99
printf '%e %E %g %G\n' 12345.678 0.00012 0.0001 1e20
printf '%c%c%c\n' abc d e
printf '%s=%s\n' a 1 b 2 c
printf '%d\n' "'A" 0x1F 010
printf '%%|%5%|\n' 2>/dev/null
printf -- '%s\n' dashes
printf '%*d|%-*d|%.*f\n' 5 1 4 2 2 3.14159
printf '\x41\101\t|\n'
printf 'no newline'; echo
