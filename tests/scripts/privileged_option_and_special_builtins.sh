# `set -p` (privileged) shows in `$-` and `set -o`; `sh -p` takes no functions from the
# environment; `set -o nolog` is accepted and ignored; `enable -s` lists the special
# builtins, `source` among them, which POSIX mode keeps functions from taking.
set -p; echo "$-"; set -o | grep -E '^(privileged|nolog)'; set +p; echo "$-"
set -o nolog; set -o | grep nolog; echo "$SHELLOPTS"
set -a -e -f -u -C -P -E -T; echo "$-"; set +a +e +f +u +C +P +E +T
f() { echo "f from the environment"; }
export -f f
bash -c f
bash -p -c 'f' 2> /dev/null || echo "not with sh -p: $?"
bash -p -c 'echo "$-"'
enable -s
enable -n set
enable -ns
enable set
bash -o posix -c 'source() { :; }; echo "not reached"' 2> /dev/null
echo "a function named source in POSIX mode: $?"
