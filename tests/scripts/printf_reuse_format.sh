# printf reuses its format for the remaining arguments.
printf '%s=%s\n' a 1 b 2 c
printf '%d%%\n' 10 20
printf '[%5s][%-5s]\n' x y z
printf '%s\n'
printf 'no args\n'
printf '%s %s\n' "only one"
printf -- '--%s\n' dash
