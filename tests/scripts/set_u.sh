set -u
echo "${unset_var-default}"
echo "${#}"
echo "$@"
echo $unset_var
echo never
