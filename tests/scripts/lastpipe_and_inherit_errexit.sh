# shopt -s lastpipe runs the last stage of a pipeline in the shell itself; inherit_errexit
# keeps set -e inside $(...).
shopt -s lastpipe
echo hi | read x; echo "x=$x"
printf '%s\n' a b c | while read l; do last=$l; done; echo "last=$last"
shopt -u lastpipe
echo hi | read y; echo "y=$y"
shopt lastpipe inherit_errexit
set -e
shopt -s inherit_errexit
echo "$(echo one; false; echo two)"
echo after
