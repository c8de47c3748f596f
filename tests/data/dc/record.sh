#!/usr/bin/env bash
# Records what GNU dc prints for each command line of cases.txt (run in this directory,
# stderr with stdout) into expected/N, its status on the first line, as tests/dc.rs
# compares wasmix's dc with it. The machine need not have dc: DC names its binary
# (Debian's: `apt-get download dc`, then `dpkg -x`).
set -euo pipefail
cd "$(dirname "$0")"
DC=${DC:-dc}
dc() { "$DC" "$@"; }
rm -rf expected && mkdir expected
out=$(mktemp)
n=0
while IFS= read -r line; do
  set +e
  (eval "$line") > "$out" 2>&1
  status=$?
  set -e
  { printf 'status %s\n' "$status"; cat "$out"; } > "expected/$n"
  n=$((n + 1))
done < cases.txt
rm -f "$out"
echo "recorded $n expectations"
