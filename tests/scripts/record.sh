#!/usr/bin/env bash
# Records what bash prints for each script of the corpus, as the expectations that
# tests/scripts.rs holds wasmix to: tests/scripts/expected/NAME holds "status N" on its
# first line, then the script's stdout. Run it after adding or changing a script.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p expected
for script in *.sh; do
  [ "$script" = record.sh ] && continue
  name=${script%.sh}
  dir=$(mktemp -d)
  set +e
  out=$(cd "$dir" && LC_ALL=C HOME=/home/user bash "$OLDPWD/$script" first second 2>/dev/null; echo "~$?")
  set -e
  rm -rf "$dir"
  status=${out##*~}
  printf 'status %s\n%s' "$status" "${out%~*}" > "expected/$name"
done
echo "recorded $(ls expected | wc -l) expectations"
