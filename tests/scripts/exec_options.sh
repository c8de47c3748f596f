# exec -a NAME and --; printf clamps numbers out of range as bash does; exit refuses two
# numbers
printf '%d %u\n' 18446744073709551616 -18446744073709551615 2>/dev/null
printf '%d\n' -99999999999999999999 2>/dev/null
echo "printf status $?"
(exec -a renamed sh -c 'echo "argv0: $0"')
(exec -- echo through)
exit 3 4
echo never
