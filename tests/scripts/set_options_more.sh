# set -a, -C, -f, -n and $-
echo "flags: $-"
set -f
echo /*
set +f
set -C
echo first > kept
echo second > kept
echo "clobber status $?"
echo third >| kept
cat kept
set +C
set -a
exported_by_a=yes
env | grep '^exported_by_a='
set +a
set -o | grep -E '^(allexport|noclobber|noglob|noexec)'
set -n
echo "never printed"
