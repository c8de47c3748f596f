# lastpipe runs a pipeline's last command in the shell when job control is off.
echo first | read x
echo "without: [${x-}]"
shopt -s lastpipe
echo second | read y
echo "with: [$y]"
printf '%s\n' a b c | while read -r l; do last=$l; done
echo "loop kept: $last"
