#!/usr/bin/env bash
# Records what tree 2.1 prints for each command line of cases.txt (in the UTF-8 locale
# unless the line says otherwise) into expected/N, its status on the first line, as
# tests/tree_listing.rs compares wasmix's tree with it. The machine need not have tree:
# TREE names its binary (Debian's: `apt-get download tree`, then `dpkg -x`).
set -euo pipefail
cd "$(dirname "$0")"
TREE=${TREE:-tree}
tree() { "$TREE" "$@"; }
rm -rf expected && mkdir expected
n=0
while IFS= read -r line; do
  dir=$(mktemp -d)
  (cd "$dir" && umask 022 && . "$OLDPWD/setup.sh")
  set +e
  out=$(cd "$dir" && export LANG=C.UTF-8 TZ=UTC && eval "$line" 2>&1; echo "~$?")
  set -e
  rm -rf "$dir"
  printf 'status %s\n%s' "${out##*~}" "${out%~*}" > "expected/$n"
  n=$((n + 1))
done < cases.txt
echo "recorded $n expectations"
