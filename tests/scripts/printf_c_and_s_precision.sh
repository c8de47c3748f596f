# %c takes a first character, %.Ns cuts strings, %b and %q together.
printf '%c%c%c\n' abc def ghi
printf '[%.2s][%.0s][%5.1s]\n' hello world xyz
printf '%s %q\n' plain 'needs quoting'
printf '%b|%s\n' 'a\nb' 'a\nb'
