# A program found once runs from there until PATH changes or hash -r (bash does not look
# again); PATH search skips files that cannot run; set - ends options and stops tracing.
mkdir -p one two
PATH="$PWD/one:$PWD/two:$PATH"
printf 'echo two\n' > two/mycmd && chmod +x two/mycmd
mycmd
printf 'echo one\n' > one/mycmd && chmod +x one/mycmd
mycmd
hash -r
mycmd
PATH="$PATH:"
rm one/mycmd
mycmd
printf 'echo plain\n' > one/other
printf 'echo runnable\n' > two/other && chmod +x two/other
other
set -x
set - a b c
echo "$@"
set +
echo "after plus: $#"
set - +
echo "$@"
